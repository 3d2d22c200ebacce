package murmur.timeline.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.session.Direct;

/**
 * An emulated wide-area uplink in front of one peer's requests: what its relay sends goes through this, and only
 * then to the real link on loopback.
 *
 * <p>Each request's bytes on the wire ({@link #wireBytes}: the body, the link's 16 bytes of framing, and 52 bytes
 * of IPv4 and TCP headers per 1448-byte segment) queue behind this peer's earlier requests, first in first out, and
 * leave at the uplink rate (a token bucket that holds no burst). The request reaches the link one one-way delay
 * after its last byte left, and its answer comes back one one-way delay after the link's. Answers and the
 * receiver's download are not rate-limited. Nothing sleeps: every wait is a task on the {@link Timer}. With neither
 * a rate nor a delay, requests go straight to the link and are only counted.
 *
 * <p>It counts what this peer sends: requests, wire bytes, and the peak of requests in flight (handed to this
 * shaper and not yet answered, queued ones included) and of peers with a request in flight (the connections in use
 * at once).
 */
public final class UplinkShaper implements Direct {
    /** The link's framing: a 4-byte length prefix and a 12-byte frame header. */
    public static final int FRAME_OVERHEAD_BYTES = 16;
    /** TCP payload of one segment (a 1500-byte MTU less 20 B IPv4, 20 B TCP and 12 B TCP timestamps). */
    public static final int SEGMENT_PAYLOAD_BYTES = 1448;
    /** IPv4 and TCP headers with timestamps, per segment. */
    public static final int SEGMENT_OVERHEAD_BYTES = 52;

    private final Direct link;
    private final long bitsPerSecond;
    private final long oneWayNanos;
    private final Timer timer;
    private final Map<List<PeerAddress>, Integer> inFlightByPeer = new HashMap<>();
    private long busyUntil;
    private long requests;
    private long bytes;
    private int inFlight;
    private int peakInFlight;
    private int peakPeers;

    /**
     * @param link          where requests go once they have crossed the emulated network
     * @param bitsPerSecond the uplink rate; 0 for no limit (only the delay)
     * @param oneWay        the one-way network delay, each way
     */
    public UplinkShaper(Direct link, long bitsPerSecond, Duration oneWay, Timer timer) {
        if (bitsPerSecond < 0 || oneWay.isNegative()) {
            throw new IllegalArgumentException("need a rate >= 0 and a delay >= 0");
        }
        this.link = link;
        this.bitsPerSecond = bitsPerSecond;
        this.oneWayNanos = oneWay.toNanos();
        this.timer = timer;
    }

    /** Bytes a request with a body of {@code bodyBytes} puts on the wire: see the class comment. */
    public static long wireBytes(int bodyBytes) {
        long payload = (long) bodyBytes + FRAME_OVERHEAD_BYTES;
        long segments = (payload + SEGMENT_PAYLOAD_BYTES - 1) / SEGMENT_PAYLOAD_BYTES;
        return payload + segments * SEGMENT_OVERHEAD_BYTES;
    }

    /** Nanoseconds {@code wireBytes} take to leave at {@code bitsPerSecond} (0: no limit), rounded up. */
    public static long transmitNanos(long wireBytes, long bitsPerSecond) {
        if (bitsPerSecond == 0) {
            return 0;
        }
        return Math.ceilDiv(Math.multiplyExact(wireBytes * 8, 1_000_000_000L), bitsPerSecond);
    }

    @Override
    public CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body) {
        long wire = wireBytes(body.length);
        long now = timer.nanoTime();
        long leaves;
        synchronized (this) {
            long start = Math.max(now, busyUntil);
            busyUntil = start + transmitNanos(wire, bitsPerSecond);
            leaves = busyUntil;
            requests++;
            bytes += wire;
            inFlight++;
            peakInFlight = Math.max(peakInFlight, inFlight);
            inFlightByPeer.merge(to, 1, Integer::sum);
            peakPeers = Math.max(peakPeers, inFlightByPeer.size());
        }
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        if (bitsPerSecond == 0 && oneWayNanos == 0) {
            link.request(to, type, body).whenComplete((a, f) -> complete(to, answer, a, f));
            return answer;
        }
        timer.schedule(() -> link.request(to, type, body).whenComplete(
                (a, f) -> timer.schedule(() -> complete(to, answer, a, f), oneWayNanos)), leaves - now + oneWayNanos);
        return answer;
    }

    /** Counts the request as answered before anyone waiting on it hears, so the counts never trail the caller. */
    private void complete(List<PeerAddress> to, CompletableFuture<byte[]> answer, byte[] body, Throwable failure) {
        done(to);
        if (failure == null) {
            answer.complete(body);
        } else {
            answer.completeExceptionally(failure);
        }
    }

    private synchronized void done(List<PeerAddress> to) {
        inFlight--;
        inFlightByPeer.computeIfPresent(to, (k, n) -> n == 1 ? null : n - 1);
    }

    /** What this peer has sent since the last {@link #reset()}. */
    public synchronized Counts counts() {
        return new Counts(requests, bytes, peakInFlight, peakPeers);
    }

    /** Starts the counts afresh (the peaks from what is in flight now). */
    public synchronized void reset() {
        requests = 0;
        bytes = 0;
        peakInFlight = inFlight;
        peakPeers = inFlightByPeer.size();
    }

    /**
     * What one peer sent.
     *
     * @param requests      requests sent
     * @param wireBytes     their bytes on the wire, overheads included
     * @param peakInFlight  the most requests sent and not yet answered at once
     * @param peakPeers     the most peers with a request in flight at once
     */
    public record Counts(long requests, long wireBytes, int peakInFlight, int peakPeers) {}

    /** Time, and tasks run later: a scheduler, or virtual time in tests. */
    public interface Timer {
        long nanoTime();

        void schedule(Runnable task, long delayNanos);

        /** Real time on {@code scheduler}. */
        static Timer of(ScheduledExecutorService scheduler) {
            return new Timer() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void schedule(Runnable task, long delayNanos) {
                    scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                }
            };
        }
    }
}
