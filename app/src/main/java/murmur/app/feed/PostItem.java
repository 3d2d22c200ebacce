package murmur.app.feed;

import java.time.Instant;
import java.time.ZoneId;
import murmur.app.fx.RelativeTime;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;

/**
 * A post as a list row shows it.
 *
 * @param author   who wrote it
 * @param text     what they wrote
 * @param age      how long ago, e.g. "2 min"
 * @param delivery for one's own posts, how many followers received it; empty for others' posts
 * @param own      written by the signed-in user
 * @param seq      the author's sequence number; with the author it identifies the post
 * @param replyTo  for a reply, the author it answers; else empty
 * @param post     the signed post, for replying to it or deleting it
 * @param replies  replies to it held here
 */
public record PostItem(String author, String text, String age, String delivery, boolean own, long seq,
        String replyTo, Post post, int replies) {

    /** A row for a timeline entry, as seen by {@code user} at {@code now}. */
    public static PostItem of(TimelineEntry entry, String user, Instant now, ZoneId zone) {
        Post post = entry.post();
        boolean own = post.author().equals(user);
        return new PostItem(post.author(), post.text(), RelativeTime.since(post.timestamp(), now, zone),
                own ? delivery(entry.deliveredTo()) : "", own, post.seq(), replyTo(post), post, entry.replies());
    }

    /** A row for a post with no delivery count (someone else's profile, a thread), as seen by {@code user}. */
    public static PostItem of(Post post, String user, Instant now, ZoneId zone) {
        return new PostItem(post.author(), post.text(), RelativeTime.since(post.timestamp(), now, zone), "",
                post.author().equals(user), post.seq(), replyTo(post), post, 0);
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
