/**
 * A node's data directory in SQLite: key pair, stored records and routing table.
 */
package murmur.dht.persist;
