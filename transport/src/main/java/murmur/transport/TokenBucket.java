package murmur.transport;

import java.util.function.LongSupplier;

/**
 * Tokens that refill at a steady rate up to a burst, on an injected nanosecond clock: the one rate limiter of the
 * project (relay circuits and bytes, DHT requests per source, uplink probes). Not thread-safe: callers synchronize.
 */
public final class TokenBucket {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    /** Full at first: {@code burst} tokens, refilled at {@code perSecond}. */
    public TokenBucket(double perSecond, double burst, LongSupplier nanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
        this.tokens = burst;
        this.last = nanos.getAsLong();
    }

    /** Takes one token if there is one. */
    public boolean tryTake() {
        return tryTake(1);
    }

    /** Takes {@code n} tokens if there are that many; otherwise takes none. */
    public boolean tryTake(long n) {
        refill();
        if (tokens < n) {
            return false;
        }
        tokens -= n;
        return true;
    }

    /** Takes {@code n} tokens, going into debt if need be; returns the nanoseconds until the debt is paid. */
    public long take(long n) {
        refill();
        tokens -= n;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    private void refill() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
