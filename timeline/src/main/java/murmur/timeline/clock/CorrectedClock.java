package murmur.timeline.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A base clock plus the offset last measured by {@link ClockSync}. Thread-safe; a clock derived with
 * {@link #withZone} follows the same offset.
 */
public final class CorrectedClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    /** A clock with no offset yet: it reads the same as {@code base} until the offset is set. */
    public CorrectedClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private CorrectedClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** What is added to the base clock. */
    public Duration offset() {
        return offset.get();
    }

    void setOffset(Duration next) {
        offset.set(Objects.requireNonNull(next, "offset"));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new CorrectedClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "CorrectedClock[" + base + " + " + offset.get() + "]";
    }
}
