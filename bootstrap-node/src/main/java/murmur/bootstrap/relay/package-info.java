/** The bootstrap node's relay for peers that nobody can dial ({@link murmur.bootstrap.relay.RelayService}). */
package murmur.bootstrap.relay;
