/**
 * Peer exchange: bootstrap nodes list themselves in the DHT set {@code bootstrap/nodes}, so a peer that knows one of
 * them learns the others ({@link murmur.dht.exchange.BootstrapDirectory}); each node keeps its entry fresh and
 * joins the nodes it finds there ({@link murmur.bootstrap.exchange.PeerExchange}).
 */
package murmur.bootstrap.exchange;
