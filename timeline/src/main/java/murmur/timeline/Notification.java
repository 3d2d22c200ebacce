package murmur.timeline;

import java.time.Instant;

/**
 * Something another user did that concerns this user.
 *
 * @param kind      what happened
 * @param from      who did it
 * @param at        when, by the other user's clock
 * @param whileAway it happened while this user was logged out (read from {@code notifications/<name>} at login)
 */
public record Notification(Kind kind, String from, Instant at, boolean whileAway) {

    /** Kinds of notification. */
    public enum Kind {
        FOLLOW,
        UNFOLLOW
    }
}
