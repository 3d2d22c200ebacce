/**
 * The records and sets a node holds, and the rules every write must pass.
 */
package murmur.dht.store;
