package murmur.timeline;

import java.time.Instant;

/**
 * Something another user did that concerns this user.
 *
 * @param kind       what happened
 * @param from       who did it
 * @param at         when, by the other user's clock
 * @param whileAway  it happened while this user was logged out (read from {@code notifications/<name>} at login)
 * @param excerpt    for a reply or a mention, the opening words of {@code from}'s post, as they signed them; else
 *                   empty
 * @param postDevice for a reply or a mention, the device log of {@code from}'s post; else empty
 * @param postSeq    for a reply or a mention, the post's sequence number in that log; else 0
 */
public record Notification(Kind kind, String from, Instant at, boolean whileAway, String excerpt, String postDevice,
        long postSeq) {

    /** A notification about no post: a follow or an unfollow. */
    public Notification(Kind kind, String from, Instant at, boolean whileAway) {
        this(kind, from, at, whileAway, "", "", 0);
    }

    /** Kinds of notification. */
    public enum Kind {
        FOLLOW,
        UNFOLLOW,
        /** {@code from} replied to one of this user's posts. */
        REPLY,
        /** {@code from} wrote this user's {@code @name} in a post. */
        MENTION;

        /** What the sender did, in words: "followed you", "replied to your post", … */
        public String verb() {
            return switch (this) {
                case FOLLOW -> "followed you";
                case UNFOLLOW -> "unfollowed you";
                case REPLY -> "replied to your post";
                case MENTION -> "mentioned you";
            };
        }

        /** Whether notifications of this kind name a post. */
        public boolean aboutPost() {
            return this == REPLY || this == MENTION;
        }
    }

    /** The same notification, marked as having happened while away or not. */
    public Notification whileAway(boolean away) {
        return new Notification(kind, from, at, away, excerpt, postDevice, postSeq);
    }
}
