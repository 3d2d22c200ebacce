package murmur.timeline.dissemination;

/**
 * One place in a dissemination tree: a follower and where its peer listens.
 *
 * @param name    the follower's user name
 * @param address {@code host:port} of the follower's peer link
 */
public record Hop(String name, String address) {}
