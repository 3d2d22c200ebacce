/**
 * Murmur's domain, without JavaFX: {@link murmur.timeline.TimelinePeer} runs a user's peer and signs users up and in
 * ({@link murmur.timeline.Accounts}); {@link murmur.timeline.TimelineService} is one logged-in user's timeline,
 * follows, presence and notifications. Sub-packages hold the parts by feature.
 */
package murmur.timeline;
