package murmur.timeline.link;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import murmur.config.TimelineSettings;

/**
 * Tries an operation again after a failure that may pass ({@link LinkException#retryable()}), waiting
 * {@code firstDelay}, then twice as long each time up to {@code maxDelay}. Waits are scheduled; no thread sleeps.
 * Any other failure, and the last attempt's failure, end the retry at once.
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
    private final int attempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    /** @param attempts how many times to try in all, at least 1 */
    public Retry(int attempts, Duration firstDelay, Duration maxDelay) {
        if (attempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need attempts >= 1 and 0 <= firstDelay <= maxDelay");
        }
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** {@link TimelineSettings#directRetries()} attempts, 250 ms apart at first, never more than 4 s. */
    public static Retry fromSettings(TimelineSettings settings) {
        return new Retry(settings.directRetries(), Duration.ofMillis(250), Duration.ofSeconds(4));
    }

    /** {@link PeerLink#request} with retries. */
    public CompletableFuture<byte[]> request(PeerLink link, InetSocketAddress to, int type, byte[] body) {
        return run(() -> link.request(to, type, body));
    }

    /** Calls {@code attempt} until it succeeds, fails for good or runs out of attempts. */
    public <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        tryOnce(1, attempt, result);
        return result;
    }

    /** The wait before attempt {@code next} (2 or later). */
    Duration delayBefore(int next) {
        Duration delay = firstDelay;
        for (int i = 2; i < next && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }

    private <T> void tryOnce(int number, Supplier<CompletableFuture<T>> attempt, CompletableFuture<T> result) {
        CompletableFuture<T> outcome;
        try {
            outcome = attempt.get();
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = HandlerFailures.unwrap(failure);
            if (number >= attempts || !(cause instanceof LinkException e && e.retryable())) {
                result.completeExceptionally(cause);
                return;
            }
            LOG.debug("attempt {} of {} failed, trying again: {}", number, attempts, cause.getMessage());
            Executor later = CompletableFuture.delayedExecutor(delayBefore(number + 1).toNanos(), TimeUnit.NANOSECONDS);
            later.execute(() -> tryOnce(number + 1, attempt, result));
        });
    }
}
