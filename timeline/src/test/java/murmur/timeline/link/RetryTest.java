package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import murmur.config.SettingsLoader;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final Retry retry = new Retry(3, Duration.ofMillis(5), Duration.ofMillis(20));
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void triesAgainAfterAFailureThatMayPass() {
        CompletableFuture<String> result = retry.run(failingTimes(2, LinkException.Kind.TIMEOUT));

        assertThat(result.orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo("answer 3");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttemptWithItsFailure() {
        Throwable failure = failureOf(retry.run(failingTimes(5, LinkException.Kind.UNREACHABLE)));

        assertThat(failure).isInstanceOf(LinkException.class).hasMessage("attempt 3 failed");
        assertThat(calls).hasValue(3);
    }

    @Test
    void doesNotRetryWhatCannotPass() {
        Throwable remote = failureOf(retry.run(failingTimes(5, LinkException.Kind.REMOTE_ERROR)));
        Throwable bug = failureOf(retry.run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        }));

        assertThat(remote).hasMessage("attempt 1 failed");
        assertThat(bug).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void doublesTheWaitUpToTheCap() {
        Retry slow = new Retry(10, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(List.of(slow.delayBefore(2), slow.delayBefore(3), slow.delayBefore(4), slow.delayBefore(5),
                slow.delayBefore(9))).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void takesItsAttemptsFromTheSettings() {
        Retry fromSettings = Retry.fromSettings(
                SettingsLoader.load(Optional.empty(), List.of("timeline.directRetries=2")).timeline());

        CompletableFuture<String> result = fromSettings.run(failingTimes(5, LinkException.Kind.CLOSED));

        assertThat(failureOf(result)).hasMessage("attempt 2 failed");
        assertThat(calls).hasValue(2);
    }

    private Supplier<CompletableFuture<String>> failingTimes(int failures, LinkException.Kind kind) {
        return () -> {
            int n = calls.incrementAndGet();
            return n <= failures
                    ? CompletableFuture.failedFuture(new LinkException(kind, "attempt " + n + " failed"))
                    : CompletableFuture.completedFuture("answer " + n);
        };
    }

    private static Throwable failureOf(CompletableFuture<String> result) {
        return result.handle((value, error) -> error).orTimeout(5, TimeUnit.SECONDS).join();
    }
}
