/**
 * {@code murmur bench fanout}: one author and many follower peers in one process, on loopback with real sockets,
 * using the production {@link murmur.timeline.dissemination.Relay} (tree, forwarding, adoption, receipts) with
 * in-memory logs instead of full peers. Compares the tree with the author sending to everyone itself.
 */
package murmur.timeline.dissemination.bench;
