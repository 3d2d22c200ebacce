package murmur.timeline.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code perWindow} notices about posts (replies, mentions, reposts, quotes, likes) from one sender in any
 * {@code window}: the rest are dropped and counted, so one account cannot bury a user's notifications (the spam
 * that hurt Twister and Nostr). Senders are remembered for the last {@link #SENDERS} that wrote, so the memory this
 * takes is bounded whatever the number of senders.
 */
final class SenderCaps {
    static final int SENDERS = 10_000;

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, Deque<Long>> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > SENDERS;
        }
    };

    SenderCaps(int perWindow, Duration window, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
    }

    /** Whether one more notice from {@code sender} may be taken now; a refusal is counted. */
    synchronized boolean allow(String sender) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(sender, s -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.pollFirst();
        }
        if (times.size() >= perWindow) {
            refused.incrementAndGet();
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Notices refused so far. */
    long refused() {
        return refused.get();
    }
}
