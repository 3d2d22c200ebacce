/**
 * Peer exchange: the {@code bootstrap/nodes} set where bootstrap nodes list themselves, so a peer that knows one of
 * them learns the others.
 */
package murmur.dht.exchange;
