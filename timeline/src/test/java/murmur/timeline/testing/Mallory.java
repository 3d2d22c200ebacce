package murmur.timeline.testing;

import static murmur.timeline.testing.LocalNet.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.dht.OwnedRecord;
import murmur.timeline.identity.KeyVault;
import murmur.timeline.identity.UserRecordValue;
import murmur.timeline.identity.UserRecords;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordWriter;

/**
 * An attacker with a DHT node of her own: she writes records straight into the DHT, either with a fresh key of her
 * own or with the key of an account she registered herself (so what she signs passes every signature check).
 */
public final class Mallory {
    public static final Duration TTL = Duration.ofDays(30);

    private final DhtNode node;

    public Mallory(DhtNode node) {
        this.node = node;
    }

    /** A writer with a key nobody registered. */
    public RecordWriter stranger() {
        return new RecordWriter(node, SigningKey.generate(), Clock.systemUTC());
    }

    /** The key of the account {@code name}, opened with its password as a login would. */
    public SigningKey keyOf(String name, String password) {
        OwnedRecord record = await(node.get(Keys.user(name))).orElseThrow();
        UserRecordValue value = UserRecords.decode(name, record);
        return SigningKey.restore(KeyVault.open(name, value, password).orElseThrow());
    }

    /** A writer signing as the account {@code name}. */
    public RecordWriter as(String name, String password) {
        return new RecordWriter(node, keyOf(name, password), Clock.systemUTC());
    }

    /** Whether the write was accepted by at least one replica. */
    public static boolean accepted(CompletableFuture<?> write) {
        return write.handle((r, e) -> e == null).join();
    }
}
