package murmur.app.feed;

import java.time.Instant;
import java.time.ZoneId;
import murmur.app.fx.RelativeTime;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.timeline.TimelineEntry;

/**
 * A post as a list row shows it. For a repost the row shows the post passed on, under the reposter's name.
 *
 * @param author     who wrote what the row shows (for a repost, the original's author)
 * @param text       what they wrote
 * @param age        how long ago, e.g. "2 min"
 * @param delivery   for one's own posts, how many followers received it; empty for others' posts
 * @param own        {@code post} is the signed-in user's (theirs to delete)
 * @param seq        the author's sequence number; with the author it identifies the post
 * @param replyTo    for a reply, the author it answers; else empty
 * @param post       the signed post, for replying to it or deleting it
 * @param replies    replies to it held here
 * @param likes      how many like it, as this peer knows
 * @param liked      whether the signed-in user likes it
 * @param repostedBy for a repost, who passed it on; else empty
 * @param quoted     for a quote, the post it shows beneath its text; else null
 */
public record PostItem(String author, String text, String age, String delivery, boolean own, long seq,
        String replyTo, Post post, int replies, int likes, boolean liked, String repostedBy, Post quoted) {

    /** What a repost's original says when it was deleted. */
    static final String GONE = "This post was deleted by its author.";

    /** A row for a timeline entry, as seen by {@code user} at {@code now}. */
    public static PostItem of(TimelineEntry entry, String user, Instant now, ZoneId zone) {
        Post post = entry.post();
        boolean own = post.author().equals(user);
        Post shown = post.subject();
        return new PostItem(shown.author(), post.isRepost() && post.ref().original() == null ? GONE : shown.text(),
                RelativeTime.since(post.timestamp(), now, zone), own && !post.isRepost()
                        ? delivery(entry.deliveredTo()) : "", own, shown.seq(), replyTo(shown), post,
                entry.replies(), entry.likes(), entry.likedByMe(), post.isRepost() ? post.author() : "",
                quoted(post));
    }

    /** A row for a post with no delivery count (someone else's profile, a thread), as seen by {@code user}. */
    public static PostItem of(Post post, String user, Instant now, ZoneId zone) {
        return of(new TimelineEntry(post, 0), user, now, zone).withDelivery("");
    }

    private PostItem withDelivery(String words) {
        return new PostItem(author, text, age, words, own, seq, replyTo, post, replies, likes, liked, repostedBy,
                quoted);
    }

    /**
     * The post replies, likes, reposts and threads are about: the original for a repost (the post itself when the
     * original is gone), else the post.
     */
    public Post subject() {
        return post.subject();
    }

    private static Post quoted(Post post) {
        return post.ref() != null && post.ref().kind() == PostRef.Kind.QUOTE ? post.ref().original() : null;
    }

    private static String replyTo(Post post) {
        return post.isReply() ? post.ref().author() : "";
    }

    static String delivery(int followers) {
        if (followers == 0) {
            return "not received by any follower yet";
        }
        return "received by " + followers + (followers == 1 ? " follower" : " followers");
    }
}
