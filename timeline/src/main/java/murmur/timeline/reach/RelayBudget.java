package murmur.timeline.reach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The relayed bytes allowed per {@link #DAY}, counted across relay runs: the owner's cap on what relaying for others
 * may cost. Not thread-safe; its owner confines it to one thread.
 */
final class RelayBudget {
    static final Duration DAY = Duration.ofDays(1);

    private final long perDay;
    private final Clock clock;
    private Instant dayStart;
    /** Bytes of earlier runs this day. */
    private long earlier;
    /** What the current run had relayed when the day began (it may have started the day before). */
    private long runAtDayStart;

    RelayBudget(long perDay, Clock clock) {
        this.perDay = perDay;
        this.clock = clock;
        this.dayStart = clock.instant();
    }

    /** Whether the day's bytes are spent, given what the current run (0 without one) relayed so far. */
    boolean spent(long currentRun) {
        rollOver(currentRun);
        return earlier + currentRun - runAtDayStart >= perDay;
    }

    /** The current run ended having relayed {@code bytes}. */
    void runEnded(long bytes) {
        rollOver(bytes);
        earlier += bytes - runAtDayStart;
        runAtDayStart = 0;
    }

    /** When a spent budget is whole again. */
    Instant refillsAt() {
        return dayStart.plus(DAY);
    }

    private void rollOver(long currentRun) {
        Instant now = clock.instant();
        if (!now.isBefore(dayStart.plus(DAY))) {
            dayStart = now;
            earlier = 0;
            runAtDayStart = currentRun;
        }
    }
}
