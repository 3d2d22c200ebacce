package murmur.timeline.link;

import java.util.concurrent.atomic.AtomicLong;

/** What a link has done, for status and tests. */
final class LinkCounters {
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    void served() {
        served.incrementAndGet();
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    long servedCount() {
        return served.get();
    }

    long droppedCount() {
        return dropped.get();
    }
}
