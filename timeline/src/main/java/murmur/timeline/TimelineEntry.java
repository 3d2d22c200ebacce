package murmur.timeline;

/**
 * A post as the timeline shows it.
 *
 * @param post        the signed post
 * @param deliveredTo for the user's own posts, how many followers are known to have received it; 0 for others
 * @param replies     how many replies to it this peer holds
 */
public record TimelineEntry(Post post, int deliveredTo, int replies) {

    /** An entry with no replies held. */
    public TimelineEntry(Post post, int deliveredTo) {
        this(post, deliveredTo, 0);
    }
}
