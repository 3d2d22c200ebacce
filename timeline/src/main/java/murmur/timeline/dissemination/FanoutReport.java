package murmur.timeline.dissemination;

/**
 * What one peer did to pass a post on.
 *
 * @param sent   peers this one sent the post to (its children, plus any it adopted); retries not counted
 * @param failed of those, the ones that never took it after every retry
 */
public record FanoutReport(int sent, int failed) {}
