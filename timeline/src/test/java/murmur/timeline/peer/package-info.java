/**
 * The bridge from tests in any package to the peer's package-private test seam ({@code PeerTransports}):
 * {@link murmur.timeline.peer.TestTransports}.
 */
package murmur.timeline.peer;
