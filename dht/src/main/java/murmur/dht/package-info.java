/**
 * The Kademlia DHT's public value types: ids, signed records and set entries, write outcomes, the observer and the
 * dial-back verdict. The node itself, {@link murmur.dht.node.DhtNode}, is wired in {@code murmur.dht.node}; this
 * package depends on no other of the module's. It knows nothing of users or posts.
 */
package murmur.dht;
