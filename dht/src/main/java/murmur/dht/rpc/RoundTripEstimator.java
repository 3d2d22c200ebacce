package murmur.dht.rpc;

import java.time.Duration;

/**
 * A smoothed round-trip time and its variation (as TCP's RFC 6298), turned into how long a lookup should wait on
 * one request before it stops counting it as in flight.
 */
final class RoundTripEstimator {
    private final long floorNanos;
    private final long ceilingNanos;
    private double srtt = -1;
    private double rttvar;

    RoundTripEstimator(Duration floor, Duration ceiling) {
        this.floorNanos = floor.toNanos();
        this.ceilingNanos = ceiling.toNanos();
    }

    synchronized void sample(long nanos) {
        if (srtt < 0) {
            srtt = nanos;
            rttvar = nanos / 2.0;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - nanos);
            srtt = 0.875 * srtt + 0.125 * nanos;
        }
    }

    synchronized Duration stallTimeout() {
        long estimate = srtt < 0 ? floorNanos : (long) (srtt + 4 * rttvar);
        return Duration.ofNanos(Math.min(ceilingNanos, Math.max(floorNanos, estimate)));
    }
}
