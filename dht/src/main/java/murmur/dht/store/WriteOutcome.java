package murmur.dht.store;

import java.util.concurrent.CompletableFuture;
import murmur.dht.WriteStatus;

/**
 * What a store did with a write: {@code accepted} items taken, {@code status} the first refusal (or OK), and
 * {@code durable} completing once the accepted items are on disk.
 */
public record WriteOutcome(WriteStatus status, int accepted, CompletableFuture<Void> durable) {
    static WriteOutcome refused(WriteStatus status) {
        return new WriteOutcome(status, 0, CompletableFuture.completedFuture(null));
    }
}
