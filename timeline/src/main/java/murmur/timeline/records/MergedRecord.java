package murmur.timeline.records;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the user's own records that several of the user's devices change, each its own part ({@code devices/},
 * {@code feed/}): every change is read-merge-write. Read the record, apply the change to what was read, write the
 * result with a higher sequence number, read it back, and redo the change if a concurrent writer's value won; at
 * most {@link #ATTEMPTS} times. A record not signed by the writer's key, or whose value is malformed or out of
 * bounds, reads as {@code empty} and is counted ({@link #refused()}).
 *
 * @param <T> the value's type
 */
public final class MergedRecord<T> {
    static final int ATTEMPTS = 8;
    /** The sequence number {@link #read} reports when the DHT holds no record. */
    public static final long NONE = -1;
    private static final Logger LOG = LoggerFactory.getLogger(MergedRecord.class);

    private final RecordWriter writer;
    private final NodeId key;
    private final Class<T> type;
    private final String what;
    private final T empty;
    private final Duration ttl;
    private final UnaryOperator<T> checked;
    private final BiPredicate<T, T> same;
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param checked returns a value read from the network if it is within bounds, else throws
     *                {@code CORRUPT_RECORD}
     * @param same    whether two values hold the same content (then nothing needs writing)
     */
    public MergedRecord(RecordWriter writer, NodeId key, Class<T> type, String what, T empty, Duration ttl,
            UnaryOperator<T> checked, BiPredicate<T, T> same) {
        this.writer = writer;
        this.key = key;
        this.type = type;
        this.what = what;
        this.empty = empty;
        this.ttl = ttl;
        this.checked = checked;
        this.same = same;
    }

    /** A value as read, and the sequence number of the record that held it ({@link #NONE} when there was none). */
    public record Found<T>(T value, long seq) {}

    /** How many copies of the record were dropped as forged or out of bounds. */
    public long refused() {
        return refused.get();
    }

    /** The value as the DHT holds it now; {@code empty} when missing, forged or out of bounds. */
    public CompletableFuture<Found<T>> read() {
        return writer.dht().get(key).thenApply(record -> {
            if (record.isEmpty()) {
                return new Found<>(empty, NONE);
            }
            OwnedRecord r = record.get();
            if (!Arrays.equals(writer.publicKey(), r.owner()) || !r.signatureValid()) {
                refused.incrementAndGet();
                LOG.warn("{} is not signed by the account key; ignored", what);
                return new Found<>(empty, r.seq());
            }
            try {
                return new Found<>(checked.apply(RecordJson.decode(r.value(), type, what)), r.seq());
            } catch (TimelineException e) {
                refused.incrementAndGet();
                LOG.warn("{}", e.getMessage());
                return new Found<>(empty, r.seq());
            }
        });
    }

    /**
     * Applies {@code edit} to the value read until the value read back holds it; completes with that value.
     * {@code edit} must keep what other devices wrote (merge, not overwrite), and may throw to refuse the change.
     */
    public CompletableFuture<T> change(UnaryOperator<T> edit) {
        return attempt(edit, 1, false);
    }

    /**
     * As {@link #change}; when nothing changes, the value read is issued again with its sequence number (a refresh,
     * not a new version), so the record does not expire.
     */
    public CompletableFuture<T> refresh(UnaryOperator<T> edit) {
        return attempt(edit, 1, true);
    }

    private CompletableFuture<T> attempt(UnaryOperator<T> edit, int n, boolean refresh) {
        return read().thenCompose(found -> {
            T next = edit.apply(found.value());
            if (same.test(next, found.value())) {
                if (!refresh) {
                    return CompletableFuture.completedFuture(found.value());
                }
                long seq = found.seq() != NONE ? found.seq() : writer.nextSeq(0);
                return writer.put(key, found.value(), seq, ttl).thenApply(r -> found.value());
            }
            return writer.put(key, next, writer.nextSeq(found.seq()), ttl).thenCompose(r -> read())
                    .thenCompose(back -> {
                        if (same.test(edit.apply(back.value()), back.value())) {
                            return CompletableFuture.completedFuture(back.value());
                        }
                        if (n >= ATTEMPTS) {
                            throw new TimelineException(Reason.NO_NETWORK, what + " kept changing under this change;"
                                    + " try again");
                        }
                        return attempt(edit, n + 1, false);
                    });
        });
    }
}
