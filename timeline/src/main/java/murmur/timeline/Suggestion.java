package murmur.timeline;

/**
 * A user worth following: followed by {@code followedBy} of the people this user follows.
 *
 * @param name       the suggested user
 * @param followedBy how many of this user's followees follow them
 */
public record Suggestion(String name, int followedBy) {}
