package murmur.dht.node;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import murmur.dht.DhtWriteException;
import murmur.dht.PutResult;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.WriteStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one writer's set entry with the work the holders ask for. It starts at {@code dht.setMinWorkBits} (or at
 * what this node already found for that writer and set), and when the holders answer "full" (a set at its cap
 * takes a new writer only with more work than its least) or "low work" (holders that ask for more than this node),
 * it works {@value #STEP} bits harder and writes again, up to {@code dht.setMaxWorkBits}. The search runs on the
 * network's workers, never on an event loop.
 */
final class WorkedWrites {
    /** Bits added per round: each round costs about sixteen times the one before. */
    static final int STEP = 4;
    private static final Logger LOG = LoggerFactory.getLogger(WorkedWrites.class);

    private final NodeContext ctx;
    private final Writes writes;
    private final Executor workers;
    private final WorkNonces nonces = new WorkNonces();

    WorkedWrites(NodeContext ctx, Writes writes, Executor workers) {
        this.ctx = ctx;
        this.writes = writes;
        this.workers = workers;
    }

    CompletableFuture<PutResult> put(SigningKey signer, SetEntry entry) {
        int brought = entry.work();
        if (brought > 0) {
            nonces.offer(entry.setKey(), entry.writer(), entry.nonce(), brought);
        }
        return round(signer, entry, Math.max(ctx.settings().setMinWorkBits(),
                nonces.bits(entry.setKey(), entry.writer())));
    }

    private CompletableFuture<PutResult> round(SigningKey signer, SetEntry entry, int bits) {
        return CompletableFuture.supplyAsync(() -> worked(signer, entry, bits), workers)
                .thenCompose(worked -> writes.putEntries(worked.setKey(), List.of(worked))
                        .handle((result, failure) -> {
                            if (failure == null) {
                                return CompletableFuture.completedFuture(result);
                            }
                            int next = Math.max(worked.work() + 1, bits + STEP);
                            if (!harder(failure) || worked.work() >= ctx.settings().setMaxWorkBits()) {
                                return CompletableFuture.<PutResult>failedFuture(failure);
                            }
                            int capped = Math.min(next, ctx.settings().setMaxWorkBits());
                            LOG.info("{} refused {} with {} bits of work; working to {} bits", entry.setKey(),
                                    entry, worked.work(), capped);
                            return round(signer, entry, capped);
                        }))
                .thenCompose(f -> f);
    }

    private SetEntry worked(SigningKey signer, SetEntry entry, int bits) {
        if (entry.work() >= bits) {
            return entry;
        }
        WorkNonces.Found found = nonces.atLeast(entry.setKey(), entry.writer(), bits);
        return entry.withNonce(signer, found.nonce());
    }

    private static boolean harder(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof DhtWriteException refused
                && (refused.status() == WriteStatus.FULL || refused.status() == WriteStatus.LOW_WORK);
    }
}
