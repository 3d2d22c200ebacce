package murmur.timeline.records;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import murmur.dht.node.DhtNode;
import murmur.dht.DhtWriteException;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.PutResult;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.WriteStatus;
import murmur.timeline.TimelineException;

/**
 * Writes one user's signed records and set entries. Sequence numbers come from the clock in milliseconds and never
 * repeat or go back, so the user's newest write always supersedes the previous one, from any machine whose clock is
 * roughly right. A write no replica accepted fails with {@code NO_NETWORK}.
 */
public final class RecordWriter {
    private final DhtNode dht;
    private final SigningKey key;
    private final Clock clock;
    private final AtomicLong lastSeq = new AtomicLong();

    public RecordWriter(DhtNode dht, SigningKey key, Clock clock) {
        this.dht = dht;
        this.key = key;
        this.clock = clock;
    }

    /** The writer's public key: the owner of every record it writes. */
    public byte[] publicKey() {
        return key.publicKey();
    }

    /** The DHT node it writes through. */
    DhtNode dht() {
        return dht;
    }

    /** A fresh sequence number above every earlier one and above {@code floor}. */
    public long nextSeq(long floor) {
        long now = clock.millis();
        return lastSeq.updateAndGet(last -> Math.max(Math.max(last, floor) + 1, now));
    }

    public CompletableFuture<PutResult> put(NodeId recordKey, Object value, Duration ttl) {
        return put(recordKey, value, nextSeq(0), ttl);
    }

    public CompletableFuture<PutResult> put(NodeId recordKey, Object value, long seq, Duration ttl) {
        OwnedRecord record = OwnedRecord.sign(key, recordKey, RecordJson.encode(value), seq, ttl, clock.instant());
        return checked(dht.put(record));
    }

    public CompletableFuture<PutResult> putEntry(NodeId setKey, Object value, Duration ttl) {
        return checked(dht.putEntry(key, SetEntry.sign(key, setKey, RecordJson.encode(value), nextSeq(0), ttl,
                clock.instant())));
    }

    public CompletableFuture<PutResult> removeEntry(NodeId setKey, Duration ttl) {
        return checked(dht.putEntry(key, SetEntry.tombstone(key, setKey, nextSeq(0), ttl, clock.instant())));
    }

    /** Writes an entry {@link #signEntry} made, with the proof of work the set's holders ask for. */
    public CompletableFuture<PutResult> putSigned(SetEntry entry) {
        return dht.putEntry(key, entry);
    }

    /** Signs an entry without writing it, e.g. to hand it to its reader directly. */
    public SetEntry signEntry(NodeId setKey, Object value, Duration ttl) {
        return SetEntry.sign(key, setKey, RecordJson.encode(value), nextSeq(0), ttl, clock.instant());
    }

    private static CompletableFuture<PutResult> checked(CompletableFuture<PutResult> write) {
        return write.handle((result, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof DhtWriteException refused) {
                if (refused.status() == WriteStatus.UNREACHABLE) {
                    throw noNetwork();
                }
                throw new TimelineException(TimelineException.Reason.CORRUPT_RECORD,
                        "the network refused the write: " + refused.status().meaning(), refused);
            }
            if (cause != null) {
                throw new TimelineException(TimelineException.Reason.NO_NETWORK,
                        "the network did not answer: " + cause.getMessage(), cause);
            }
            if (result.accepted() == 0) {
                throw noNetwork();
            }
            return result;
        });
    }

    private static TimelineException noNetwork() {
        return new TimelineException(TimelineException.Reason.NO_NETWORK,
                "no node of the network answered; check the connection and the bootstrap nodes");
    }
}
