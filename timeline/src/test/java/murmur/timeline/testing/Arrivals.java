package murmur.timeline.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** When each follower first stored each post, and at what depth, for latency figures. */
public final class Arrivals {
    private final Map<Long, Map<String, Long>> nanos = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> waits = new ConcurrentHashMap<>();
    private final Map<Long, Integer> depths = new ConcurrentHashMap<>();
    private volatile int maxDepth;

    /** Prepares to wait for {@code followers} arrivals of post {@code seq}. */
    public void expect(long seq, int followers) {
        waits.put(seq, new CountDownLatch(followers));
        nanos.put(seq, new ConcurrentHashMap<>());
    }

    public void arrived(long seq, String follower, int depth) {
        long now = System.nanoTime();
        Map<String, Long> forPost = nanos.get(seq);
        if (forPost != null && forPost.putIfAbsent(follower, now) == null) {
            synchronized (this) {
                maxDepth = Math.max(maxDepth, depth);
            }
            depths.merge(seq, depth, Math::max);
            waits.get(seq).countDown();
        }
    }

    /** Waits until every expected follower has post {@code seq}, or {@code limit} passed; true if all arrived. */
    public boolean await(long seq, Duration limit) throws InterruptedException {
        return waits.get(seq).await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int reached(long seq) {
        return nanos.get(seq).size();
    }

    /** Milliseconds from {@code startNanos} to each arrival of post {@code seq}. */
    public List<Double> latenciesMs(long seq, long startNanos) {
        List<Double> out = new ArrayList<>();
        nanos.get(seq).values().forEach(t -> out.add((t - startNanos) / 1e6));
        return out;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** The deepest first arrival of post {@code seq}, 0 before any. */
    public int maxDepth(long seq) {
        return depths.getOrDefault(seq, 0);
    }
}
