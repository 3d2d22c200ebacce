package murmur.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of the NTP-corrected clock.
 *
 * @param synchronised a time source answered at the last attempt
 * @param offset       what is added to the local clock (zero before the first answer)
 * @param source       the source that answered last, as {@code host:port}
 * @param lastSync     when a source last answered ({@link Instant#EPOCH} if never)
 */
public record ClockStatus(boolean synchronised, Duration offset, Optional<String> source, Instant lastSync) {

    public static final ClockStatus UNSYNCHRONISED = new ClockStatus(false, Duration.ZERO, Optional.empty(),
            Instant.EPOCH);
}
