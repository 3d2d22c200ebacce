package murmur.timeline.link;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The handler registered for each message type: one each, so two features cannot claim one number. */
final class RequestHandlers {
    private final Map<Integer, RequestHandler> byType = new ConcurrentHashMap<>();

    void put(int type, RequestHandler handler) {
        if (type < 0 || type > Frame.MAX_TYPE) {
            throw new IllegalArgumentException("message type must be from 0 to 65535, got " + type);
        }
        RequestHandler before = byType.putIfAbsent(type, handler);
        if (before != null && before != handler) {
            throw new IllegalStateException("message type " + type + " has a handler already"
                    + LinkTypes.all().entrySet().stream().filter(e -> e.getKey() == type)
                            .map(e -> " (" + e.getValue() + ")").findFirst().orElse(""));
        }
    }

    /** The handler for {@code type}, or null. */
    RequestHandler get(int type) {
        return byType.get(type);
    }
}
