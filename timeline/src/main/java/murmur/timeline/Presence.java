package murmur.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code presence/<name>} says about a user.
 *
 * @param online    the flag its owner last published
 * @param addresses ways to reach the user's peer directly, as {@code host:port} (a list so NAT relays fit later)
 * @param lastSeen  when the owner last refreshed it
 */
public record Presence(boolean online, List<String> addresses, Instant lastSeen) {

    /** A user never seen online. */
    public static final Presence UNKNOWN = new Presence(false, List.of(), Instant.EPOCH);

    public Presence {
        addresses = List.copyOf(addresses);
    }

    /** Online and refreshed within {@code ttl}: a peer that died without logging out goes stale. */
    public boolean isOnlineAt(Instant now, Duration ttl) {
        return online && !lastSeen.plus(ttl).isBefore(now);
    }
}
