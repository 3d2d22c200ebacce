package murmur.timeline;

import java.time.Instant;

/**
 * Something another user did that concerns this user.
 *
 * @param kind       what happened
 * @param from       who did it
 * @param at         when, by the other user's clock
 * @param whileAway  it happened while this user was logged out (read from {@code notifications/<name>} at login)
 * @param excerpt    for a notice about a post ({@link Kind#aboutPost()}), the opening words of the post, as the sender
 *                   signed them; else empty
 * @param postDevice for a notice about a post, the device log of the post: {@code from}'s post for a reply, mention,
 *                   repost or quote, this user's own post for a like; else empty
 * @param postSeq    for a notice about a post, the post's sequence number in that log; else 0
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
        MENTION,
        /** {@code from} passed one of this user's posts on to their followers. */
        REPOST,
        /** {@code from} quoted one of this user's posts in a post of theirs. */
        QUOTE,
        /** {@code from} likes one of this user's posts (the post is this user's own). */
        LIKE,
        /** {@code from} no longer likes it: counted, never listed. */
        UNLIKE;

        /** What the sender did, in words: "followed you", "replied to your post", … */
        public String verb() {
            return switch (this) {
                case FOLLOW -> "followed you";
                case UNFOLLOW -> "unfollowed you";
                case REPLY -> "replied to your post";
                case MENTION -> "mentioned you";
                case REPOST -> "reposted your post";
                case QUOTE -> "quoted your post";
                case LIKE -> "liked your post";
                case UNLIKE -> "no longer likes your post";
            };
        }

        /** Whether notifications of this kind name a post. */
        public boolean aboutPost() {
            return this != FOLLOW && this != UNFOLLOW;
        }
    }

    /** The same notification, marked as having happened while away or not. */
    public Notification whileAway(boolean away) {
        return new Notification(kind, from, at, away, excerpt, postDevice, postSeq);
    }
}
