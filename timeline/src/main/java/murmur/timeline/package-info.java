/**
 * Murmur's domain API, without JavaFX: {@link murmur.timeline.Accounts} signs users up and in,
 * {@link murmur.timeline.TimelineService} is one logged-in user's timeline, follows, presence and notifications, and
 * the value types they hand out. The peer that implements them is {@link murmur.timeline.peer.TimelinePeer};
 * sub-packages hold the parts by feature. This package depends on no other of the module's but {@code observe}.
 */
package murmur.timeline;
