package murmur.transport.relay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a relay did, for {@code /metrics}: gauges ({@code reservations}, {@code circuits}), totals
 * ({@code circuits_opened}, {@code bytes_relayed}) and, by reason, refusals ({@code refused_<reason>}) and cut
 * circuits ({@code cut_<reason>}). Thread-safe.
 */
public final class RelayCounters {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void add(String name, long delta) {
        counts.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(delta);
    }

    void refused(String reason) {
        add("refused_" + reason, 1);
    }

    void cut(String reason) {
        add("cut_" + reason, 1);
    }

    /** One counter's value; 0 when it never moved. */
    public long get(String name) {
        AtomicLong c = counts.get(name);
        return c == null ? 0 : c.get();
    }

    /** Every counter that moved, by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
