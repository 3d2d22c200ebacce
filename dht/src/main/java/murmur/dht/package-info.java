/**
 * The Kademlia DHT's public API: {@link murmur.dht.DhtNode} and its builder, ids, signed records and set entries,
 * and write outcomes. It knows nothing of users or posts.
 */
package murmur.dht;
