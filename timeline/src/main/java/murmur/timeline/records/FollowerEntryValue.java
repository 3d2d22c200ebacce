package murmur.timeline.records;

/**
 * The value of a follower's entry in {@code followers/<name>}, signed by the follower's key.
 *
 * @param follower the follower's user name (readers check the entry's key is that user's)
 */
public record FollowerEntryValue(String follower) {}
