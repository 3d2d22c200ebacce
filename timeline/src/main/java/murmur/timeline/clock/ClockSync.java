package murmur.timeline.clock;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import murmur.timeline.ClockStatus;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link CorrectedClock} in step with the time sources. Each attempt asks the sources in order and the first
 * believable answer sets the offset; when none answers, the last offset stays and the status says unsynchronised.
 * Attempts run one at a time on the service's own daemon thread.
 */
public final class ClockSync {
    private static final Logger LOG = LoggerFactory.getLogger(ClockSync.class);

    private final List<InetSocketAddress> sources;
    private final Duration refresh;
    private final CorrectedClock clock;
    private final HostResolver resolver = new HostResolver();
    private final SntpProbe probe;
    private final LiveValue<ClockStatus> status = new LiveValue<>(ClockStatus.UNSYNCHRONISED);
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("clock-sync", true));
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /**
     * @param sources time sources in the order to ask them; names may be unresolved
     * @param refresh time between the end of one attempt and the start of the next
     * @param timeout how long one source may take to resolve, and then to answer
     * @param base    the local clock the offset is added to
     */
    public ClockSync(List<InetSocketAddress> sources, Duration refresh, Duration timeout, Clock base) {
        if (refresh.isNegative() || refresh.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("refresh and timeout must be positive");
        }
        this.sources = List.copyOf(sources);
        this.refresh = refresh;
        this.clock = new CorrectedClock(base);
        this.probe = new SntpProbe(base, timeout, resolver);
    }

    /** Starts the first attempt in the background and repeats it every refresh interval; completes at once. */
    public CompletableFuture<Void> start() {
        if (started.compareAndSet(false, true)) {
            try {
                worker.scheduleWithFixedDelay(this::attempt, 0, refresh.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(new IllegalStateException("clock sync has stopped", e));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Stops refreshing; completes when an attempt in progress has finished. The clock keeps its last offset. */
    public CompletableFuture<Void> stop() {
        try {
            worker.execute(() -> stopped.complete(null));
            worker.shutdown();
        } catch (RejectedExecutionException alreadyStopping) {
            LOG.trace("clock sync is already stopping");
        }
        return stopped.whenComplete((ignored, error) -> resolver.close());
    }

    /** The corrected clock; it reads the base clock until a source has answered. */
    public CorrectedClock clock() {
        return clock;
    }

    /** Whether the last attempt succeeded, the offset in use and where it came from. */
    public Live<ClockStatus> status() {
        return status;
    }

    /** Asks the sources now, after any attempt in progress; completes with the resulting status. */
    public CompletableFuture<ClockStatus> syncNow() {
        CompletableFuture<ClockStatus> result = new CompletableFuture<>();
        try {
            worker.execute(() -> result.complete(attempt()));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("clock sync has stopped", e));
        }
        return result;
    }

    private ClockStatus attempt() {
        try {
            for (InetSocketAddress source : sources) {
                Optional<Duration> offset = probe.offsetFrom(source);
                if (offset.isPresent()) {
                    return synchronised(source, offset.get());
                }
            }
            return unsynchronised();
        } catch (RuntimeException e) {
            LOG.warn("clock sync attempt failed", e);
            return unsynchronised();
        }
    }

    private ClockStatus synchronised(InetSocketAddress source, Duration offset) {
        clock.setOffset(offset);
        ClockStatus now = new ClockStatus(true, offset, Optional.of(TimeSources.name(source)), clock.instant());
        if (!status.get().synchronised()) {
            LOG.info("clock synchronised with {}, offset {}", TimeSources.name(source), offset);
        }
        status.set(now);
        return now;
    }

    private ClockStatus unsynchronised() {
        if (status.get().synchronised() || status.get().equals(ClockStatus.UNSYNCHRONISED)) {
            LOG.warn("no time source answered (asked {}); keeping offset {}", sources.size(), clock.offset());
        }
        status.update(s -> new ClockStatus(false, s.offset(), s.source(), s.lastSync()));
        return status.get();
    }
}
