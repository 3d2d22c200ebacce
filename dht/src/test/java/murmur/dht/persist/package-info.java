/** Tests of the node's SQLite store. */
package murmur.dht.persist;
