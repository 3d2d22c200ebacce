package murmur.app.firstrun;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import murmur.config.HostPort;

/** Asks whether a Murmur node answers at an address. */
@FunctionalInterface
public interface SeedCheck {

    /** What came of asking. */
    enum Answer {
        /** A Murmur node answered (and proved its key). */
        ANSWERED,
        /** Nothing that speaks Murmur answered in time. */
        NO_ANSWER,
        /** The host name does not resolve. */
        UNKNOWN_HOST
    }

    /**
     * Asks the node at {@code seed}, waiting at most {@code timeout} for its answer. Fails only when the check itself
     * could not run (no socket to ask from, say).
     */
    CompletableFuture<Answer> check(HostPort seed, Duration timeout);
}
