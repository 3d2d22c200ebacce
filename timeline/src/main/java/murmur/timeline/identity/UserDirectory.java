package murmur.timeline.identity;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.timeline.TimelineException;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordJson;
import murmur.timeline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds users' account records and public keys, trusting the first key it saw for a name. */
public final class UserDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

    private final DhtNode dht;
    private final KeyPins pins;
    private final WriterChecks writerChecks;

    public UserDirectory(DhtNode dht, Database db) {
        this(dht, db, Clock.systemUTC());
    }

    /** @param clock when refusals of {@link #writerChecks()} lapse */
    public UserDirectory(DhtNode dht, Database db, Clock clock) {
        this.dht = dht;
        this.pins = new KeyPins(db);
        this.writerChecks = new WriterChecks(this, clock);
    }

    /** Checks of set entries against the keys of the users they name, shared by every reader of sets here. */
    public WriterChecks writerChecks() {
        return writerChecks;
    }

    /** The key pinned here for {@code name}, if any; no network. */
    public CompletableFuture<Optional<byte[]>> pinned(String name) {
        return pins.get(name);
    }

    /** The account record of {@code name} as the network holds it, checked and matched against the pinned key. */
    public CompletableFuture<Optional<Account>> account(String name) {
        return dht.get(Keys.user(name)).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<Account>empty());
            }
            OwnedRecord record = found.get();
            UserRecordValue value = UserRecords.decode(name, record);
            return pins.pin(name, value.publicKey()).thenApply(pinned -> {
                if (!Arrays.equals(pinned, value.publicKey())) {
                    LOG.warn("user/{} now carries a different key than the one pinned here; ignoring it", name);
                    throw new TimelineException(TimelineException.Reason.CORRUPT_RECORD,
                            "the account record of '" + name + "' changed its key; this peer does not trust it");
                }
                return Optional.of(new Account(name, record, value));
            });
        });
    }

    /** The public key of {@code name}: pinned if known, else read from the network and pinned. */
    public CompletableFuture<Optional<byte[]>> publicKey(String name) {
        return pins.get(name).thenCompose(pinned -> pinned.isPresent()
                ? CompletableFuture.completedFuture(pinned)
                : account(name).thenApply(a -> a.map(acc -> acc.value().publicKey())));
    }

    /**
     * The value of one of {@code name}'s own records ({@code presence/}, {@code following/}, {@code feed/}, ...),
     * decoded; empty when there is none, when it is not signed by {@code name}'s pinned key (a forgery or a squatter)
     * or when it does not decode. Only the network read itself can fail the future.
     */
    public <T> CompletableFuture<Optional<T>> valueOf(String name, NodeId recordKey, Class<T> type, String what) {
        return publicKey(name).thenCombine(dht.get(recordKey), (key, record) -> {
            if (key.isEmpty() || record.isEmpty()) {
                return Optional.<T>empty();
            }
            if (!Arrays.equals(key.get(), record.get().owner())) {
                LOG.warn("{} is signed by a key that is not {}'s; ignored", what, name);
                return Optional.<T>empty();
            }
            try {
                return Optional.of(RecordJson.decode(record.get().value(), type, what));
            } catch (TimelineException e) {
                LOG.warn("{}", e.getMessage());
                return Optional.<T>empty();
            }
        });
    }

    /** Pins a key this peer created or verified itself. */
    public CompletableFuture<byte[]> pin(String name, byte[] publicKey) {
        return pins.pin(name, publicKey);
    }

    /**
     * An account as read from the network.
     *
     * @param name   the user name
     * @param record the signed DHT record
     * @param value  its checked value
     */
    public record Account(String name, OwnedRecord record, UserRecordValue value) {}
}
