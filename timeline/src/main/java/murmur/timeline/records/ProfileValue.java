package murmur.timeline.records;

/**
 * The value of {@code profile/<name>}.
 *
 * @param displayName     the name shown, initially the user name
 * @param bio             a few words about the user
 * @param createdAtMillis when the account was made
 */
public record ProfileValue(String displayName, String bio, long createdAtMillis) {}
