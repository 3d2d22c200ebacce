package murmur.timeline;

import java.time.Instant;

/**
 * A user as lists show it: name and whether they are online now.
 *
 * @param name     the user's name
 * @param online   online and their presence is fresh
 * @param lastSeen when their presence was last refreshed ({@link Instant#EPOCH} if never)
 */
public record UserSummary(String name, boolean online, Instant lastSeen) {}
