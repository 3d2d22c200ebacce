/**
 * The DHT node: {@link murmur.dht.node.DhtNode}, its builder, and the wiring behind it (request handlers, reads and
 * writes of records and sets, hand-off, maintenance, dial-back checks). The module's entry point, part of its API.
 */
package murmur.dht.node;
