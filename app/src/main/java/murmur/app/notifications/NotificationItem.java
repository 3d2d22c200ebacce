package murmur.app.notifications;

import java.time.Instant;
import java.time.ZoneId;
import murmur.app.fx.RelativeTime;
import murmur.timeline.Notification;

/**
 * A notification as a row shows it.
 *
 * @param from      who did it
 * @param text      "alice followed you", "carol replied: …"
 * @param age       how long ago
 * @param whileAway it happened while the user was signed out
 * @param kind      what happened
 * @param excerpt   for a reply or a mention, the opening words of the post; else empty
 */
public record NotificationItem(String from, String text, String age, boolean whileAway, Notification.Kind kind,
        String excerpt) {

    static NotificationItem of(Notification n, Instant now, ZoneId zone) {
        return new NotificationItem(n.from(), n.from() + " " + n.kind().verb() + (n.excerpt().isEmpty() ? ""
                : ": " + n.excerpt()), RelativeTime.since(n.at(), now, zone), n.whileAway(), n.kind(), n.excerpt());
    }

    /** A follow (true) or anything else. */
    public boolean follow() {
        return kind == Notification.Kind.FOLLOW;
    }
}
