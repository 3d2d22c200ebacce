package murmur.timeline.dissemination;

/**
 * One place in a dissemination tree: a follower and where its peer listens.
 *
 * @param name    the follower's user name
 * @param address where the follower's peer link listens: every address it published, best first, comma-joined
 *                ({@code host:port,host:port})
 */
public record Hop(String name, String address) {}
