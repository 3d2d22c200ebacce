package murmur.dht.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import murmur.dht.wire.Message;
import murmur.transport.TokenBucket;

/**
 * {@link TokenBucket}s per source IP address: requests of every kind, and among them stores (which cost signature
 * checks and disk). A source over its rate is refused until its bucket refills; each bucket allows bursts of twice
 * its rate. At most {@link #TRACKED} addresses are tracked, least recently heard first to go (a forgotten source
 * starts with a full bucket again, so rotating addresses buys an attacker no more than that many addresses' worth).
 * Loopback sources (this machine) are not limited.
 */
final class SourceLimits {
    static final int TRACKED = 4096;

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
        synchronized (sources) {
            Buckets b = sources.computeIfAbsent(from, ip -> new Buckets(
                    new TokenBucket(requestsPerSecond, 2 * requestsPerSecond, nanos),
                    new TokenBucket(writesPerSecond, 2 * writesPerSecond, nanos)));
            return (!write || b.writes().tryTake()) && b.requests().tryTake();
        }
    }

    /** One source's buckets: every request takes from the first, a store from both. */
    private record Buckets(TokenBucket requests, TokenBucket writes) {}
}
