package murmur.dht;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what a {@link DhtObserver} is told: {@code request:type}, {@code refused:reason}, {@code lookup:mode}. */
public final class CountingObserver implements DhtObserver {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void requestReceived(String type) {
        bump("request:" + type);
    }

    @Override
    public void refused(String reason) {
        bump("refused:" + reason);
    }

    @Override
    public void lookupStarted(String mode) {
        bump("lookup:" + mode);
    }

    public int count(String key) {
        AtomicInteger c = counts.get(key);
        return c == null ? 0 : c.get();
    }

    private void bump(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
