package murmur.timeline.dissemination;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import murmur.transport.TokenBucket;

/**
 * Answers other peers' {@link murmur.timeline.link.LinkTypes#UPLINK_PROBE} requests, within a budget: at most
 * {@value #BUDGET_BYTES} probe bytes a minute from everyone together (a peer measuring itself sends about 200 KB),
 * and no probe above {@value UplinkProbe#LARGE_BYTES} bytes. Beyond that a probe is refused with an error and
 * counted, so that a peer cannot be used as a free target for speed tests.
 */
public final class ProbeSink {
    static final long BUDGET_BYTES = 1 << 20;
    private static final byte[] NOTHING = new byte[0];

    private final TokenBucket budget;
    private final AtomicLong refused = new AtomicLong();

    /** @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime}; a stub in tests) */
    public ProbeSink(LongSupplier nanos) {
        this.budget = new TokenBucket(BUDGET_BYTES / 60.0, BUDGET_BYTES, nanos);
    }

    /** Handles a probe: an empty answer, or an error when it is too large or the budget is spent. */
    public CompletableFuture<byte[]> onProbe(InetSocketAddress remote, byte[] body) {
        if (body.length > UplinkProbe.LARGE_BYTES) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalArgumentException("an uplink probe of " + body.length
                    + " bytes; at most " + UplinkProbe.LARGE_BYTES + " are answered"));
        }
        if (!take(body.length)) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "this peer has answered enough uplink probes for now; try again in a minute"));
        }
        return CompletableFuture.completedFuture(NOTHING);
    }

    /** Probes refused so far. */
    public long refused() {
        return refused.get();
    }

    private synchronized boolean take(int bytes) {
        return budget.tryTake(bytes);
    }
}
