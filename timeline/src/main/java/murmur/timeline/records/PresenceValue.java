package murmur.timeline.records;

import java.util.List;

/**
 * The value of {@code presence/<name>}.
 *
 * @param online         the owner's flag
 * @param addresses      {@code host:port} ways to reach the owner's peer directly
 * @param lastSeenMillis when the owner wrote it
 */
public record PresenceValue(boolean online, List<String> addresses, long lastSeenMillis) {

    public PresenceValue {
        addresses = List.copyOf(addresses);
    }
}
