package murmur.timeline;

/**
 * A post as the timeline shows it.
 *
 * @param post        the signed post
 * @param deliveredTo for the user's own posts, how many followers are known to have received it; 0 for others
 */
public record TimelineEntry(Post post, int deliveredTo) {}
