package murmur.dht.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import murmur.dht.wire.Message;

/**
 * Token buckets per source IP address: requests of every kind, and among them stores (which cost signature checks
 * and disk). A source over its rate is refused until its bucket refills; each bucket allows bursts of twice its rate.
 * At most {@link #TRACKED} addresses are tracked, least recently heard first to go (a forgotten source starts with a
 * full bucket again, so rotating addresses buys an attacker no more than that many addresses' worth). Loopback
 * sources (this machine) are not limited.
 */
final class SourceLimits {
    static final int TRACKED = 4096;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double requestsPerSecond;
    private final double writesPerSecond;
    private final LongSupplier nanos;
    private final Map<InetAddress, Buckets> sources = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Buckets> eldest) {
            return size() > TRACKED;
        }
    };

    SourceLimits(int requestsPerSecond, int writesPerSecond, LongSupplier nanos) {
        this.requestsPerSecond = requestsPerSecond;
        this.writesPerSecond = writesPerSecond;
        this.nanos = nanos;
    }

    /** Whether {@code from} may send {@code request} now; takes its tokens if so. */
    boolean allow(InetAddress from, Message request) {
        if (from == null || from.isLoopbackAddress()) {
            return true;
        }
        boolean write = request instanceof Message.Store || request instanceof Message.StoreEntries;
        long now = nanos.getAsLong();
        synchronized (sources) {
            Buckets b = sources.computeIfAbsent(from, ip -> new Buckets(requestsPerSecond, writesPerSecond, now));
            b.refill(now, requestsPerSecond, writesPerSecond);
            if (b.requests < 1 || write && b.writes < 1) {
                return false;
            }
            b.requests--;
            if (write) {
                b.writes--;
            }
            return true;
        }
    }

    /** One source's buckets: tokens now, refilled by the time passed since {@code lastNanos}. */
    private static final class Buckets {
        double requests;
        double writes;
        long lastNanos;

        Buckets(double requestsPerSecond, double writesPerSecond, long now) {
            this.requests = 2 * requestsPerSecond;
            this.writes = 2 * writesPerSecond;
            this.lastNanos = now;
        }

        void refill(long now, double requestsPerSecond, double writesPerSecond) {
            double seconds = Math.max(0, now - lastNanos) / (double) NANOS_PER_SECOND;
            lastNanos = now;
            requests = Math.min(2 * requestsPerSecond, requests + seconds * requestsPerSecond);
            writes = Math.min(2 * writesPerSecond, writes + seconds * writesPerSecond);
        }
    }
}
