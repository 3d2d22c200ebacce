package murmur.timeline.identity;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows password guessing: after the n-th wrong password for a name, the answer waits {@code base * 2^(n-1)}, up to
 * a minute. A correct password resets the count.
 */
public final class LoginThrottle {
    private static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final Duration base;
    private final ConcurrentMap<String, Integer> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Duration base) {
        this.base = base;
    }

    /** Counts a wrong password; returns how many in a row and how long to wait before answering. */
    public Penalty failed(String name) {
        int n = failures.merge(name, 1, Integer::sum);
        Duration wait = base.multipliedBy(1L << Math.min(n - 1, 20));
        return new Penalty(n, wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    public void succeeded(String name) {
        failures.remove(name);
    }

    /**
     * The cost of a wrong password.
     *
     * @param attempts wrong passwords in a row for this name
     * @param delay    how long the answer is held back
     */
    public record Penalty(int attempts, Duration delay) {}
}
