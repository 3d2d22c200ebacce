package murmur.app.notifications;

import java.time.Instant;
import java.time.ZoneId;
import murmur.app.fx.RelativeTime;
import murmur.timeline.Notification;

/**
 * A notification as a row shows it.
 *
 * @param from      who did it
 * @param text      "alice followed you"
 * @param age       how long ago
 * @param whileAway it happened while the user was signed out
 * @param follow    a follow (true) or an unfollow (false)
 */
public record NotificationItem(String from, String text, String age, boolean whileAway, boolean follow) {

    static NotificationItem of(Notification n, Instant now, ZoneId zone) {
        boolean follow = n.kind() == Notification.Kind.FOLLOW;
        String text = n.from() + (follow ? " followed you" : " unfollowed you");
        return new NotificationItem(n.from(), text, RelativeTime.since(n.at(), now, zone), n.whileAway(), follow);
    }
}
