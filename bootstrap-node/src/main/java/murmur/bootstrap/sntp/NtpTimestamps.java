package murmur.bootstrap.sntp;

import java.time.Instant;
import org.apache.commons.net.ntp.TimeStamp;

/** Instants as NTP timestamps with sub-millisecond fractions, which Commons Net's {@code TimeStamp} cannot build. */
final class NtpTimestamps {
    /** Seconds from the NTP era (1900-01-01) to the Unix epoch. */
    private static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTimestamps() {
    }

    static TimeStamp of(Instant instant) {
        long seconds = instant.getEpochSecond() + EPOCH_OFFSET_SECONDS;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return new TimeStamp((seconds << 32) | fraction);
    }
}
