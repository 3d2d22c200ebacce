package murmur.timeline.dissemination;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.session.Direct;

/**
 * Measures this peer's upload rate against one other peer: times a request of {@value #SMALL_BYTES} filler bytes
 * and one of {@value #LARGE_BYTES}, one after the other, each answered only once all its bytes arrived. Both pay the
 * same round trip; the large one also pays for its extra bytes to leave, so the rate is those bytes over the extra
 * time. What it measures is the narrowest link between the two peers, which for an upload from home is the home
 * uplink. Of {@value #ROUNDS} rounds the fastest counts: cross traffic only ever slows a round down. Extra time
 * under {@value #FLOOR_NANOS} ns (a fast link, or a round whose small request was held up longer than the large
 * one) counts as that floor: the rate then reads as at least about 500 Mbit/s, the most this probe can tell.
 *
 * <p>It under-reads fast links (TCP's slow start spreads 64 KiB over several round trips), which does not matter
 * here: {@link FanoutDegree} only tells rates below 1 Mbit/s apart. Below about 170 kbit/s the large request
 * outlasts the link's request timeout, and the measurement fails: the tree then stays binary, as it would anyway.
 */
public final class UplinkProbe {
    static final int SMALL_BYTES = 256;
    static final int LARGE_BYTES = 64 * 1024;
    static final int ROUNDS = 3;
    static final long FLOOR_NANOS = 1_000_000;

    private final Direct direct;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; virtual time in tests) */
    public UplinkProbe(Direct direct, LongSupplier nanoTime) {
        this.direct = direct;
        this.nanoTime = nanoTime;
    }

    /** The upload rate toward {@code to} in bits per second; failed if a request fails. */
    public CompletableFuture<Long> measure(List<PeerAddress> to) {
        // A first small request opens the connection, so that no round pays for the dial.
        return time(to, SMALL_BYTES).thenCompose(dial -> round(to, 0, 0));
    }

    private CompletableFuture<Long> round(List<PeerAddress> to, int done, long best) {
        if (done == ROUNDS) {
            return CompletableFuture.completedFuture(best);
        }
        return time(to, SMALL_BYTES).thenCompose(small -> time(to, LARGE_BYTES).thenCompose(large -> {
            return round(to, done + 1, Math.max(best, rate(LARGE_BYTES - SMALL_BYTES, large - small)));
        }));
    }

    /** Bits per second for {@code extraBytes} taking {@code extraNanos} more, the time no less than the floor. */
    static long rate(long extraBytes, long extraNanos) {
        return (long) (extraBytes * 8 * 1e9 / Math.max(extraNanos, FLOOR_NANOS));
    }

    private CompletableFuture<Long> time(List<PeerAddress> to, int bytes) {
        long start = nanoTime.getAsLong();
        return direct.request(to, LinkTypes.UPLINK_PROBE, new byte[bytes]).thenApply(answer -> nanoTime.getAsLong()
                - start);
    }
}
