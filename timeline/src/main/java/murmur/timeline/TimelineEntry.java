package murmur.timeline;

/**
 * A post as the timeline shows it.
 *
 * @param post        the signed post
 * @param deliveredTo for the user's own posts, how many followers are known to have received it; 0 for others
 * @param replies     how many replies to it this peer holds
 * @param likes       how many like it, as this peer knows (the author's peer hears of every like)
 * @param likedByMe   whether the user likes it
 */
public record TimelineEntry(Post post, int deliveredTo, int replies, int likes, boolean likedByMe) {

    /** An entry with no replies or likes held. */
    public TimelineEntry(Post post, int deliveredTo) {
        this(post, deliveredTo, 0, 0, false);
    }

    /** An entry with no likes held. */
    public TimelineEntry(Post post, int deliveredTo, int replies) {
        this(post, deliveredTo, replies, 0, false);
    }
}
