package murmur.dht.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.DhtWriteException;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.WriteStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fifty nodes with real UDP and TCP sockets on loopback: records, sets, large values and a quarter of them dying. */
@Timeout(120)
class DhtNetworkIT {
    private final LoopbackCluster cluster = new LoopbackCluster(SettingsLoader.defaults().dht());
    private final Random random = new Random(3);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void fiftyNodesKeepEveryRecordAndSetWhenAQuarterOfThemDie() {
        cluster.grow(50);
        SigningKey owner = SigningKey.generate();
        List<OwnedRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(record(owner, "it/" + i, ("value " + i).getBytes(StandardCharsets.UTF_8), 1));
        }
        byte[] big = new byte[50_000];
        random.nextBytes(big);
        records.add(record(owner, "it/big", big, 1));
        all(records.stream().map(r -> any().put(r)).toList());

        NodeId followers = NodeId.ofKey("followers/alice");
        List<SetEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            SigningKey writer = SigningKey.generate();
            entries.add(TestEntries.worked(writer, SetEntry.sign(writer, followers,
                    ("f" + i).getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1), Instant.now())));
        }
        all(entries.stream().map(e -> any().putEntry(e)).toList());

        assertEveryRecordReadable(records);
        assertThat(any().entries(followers).join()).containsExactlyInAnyOrderElementsOf(entries);

        for (int i = 0; i < 13; i++) {
            cluster.nodes.remove(1 + random.nextInt(cluster.nodes.size() - 1)).stop().join();
        }
        assertEveryRecordReadable(records);
        assertThat(any().entries(followers).join()).containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void forgedStaleAndOversizedWritesAreRefusedWithTheReason() {
        cluster.grow(12);
        SigningKey alice = SigningKey.generate();
        SigningKey mallory = SigningKey.generate();
        any().put(record(alice, "user/alice", bytes("alice v2"), 2)).join();

        assertRefused(any().put(record(mallory, "user/alice", bytes("mallory"), 9)), WriteStatus.FORBIDDEN);
        assertRefused(any().put(record(alice, "user/alice", bytes("alice v1"), 1)), WriteStatus.STALE);
        byte[] huge = new byte[cluster.settings.maxValueBytes() + 1];
        assertRefused(any().put(record(alice, "user/alice", huge, 3)), WriteStatus.TOO_LARGE);

        Optional<OwnedRecord> read = any().get(NodeId.ofKey("user/alice")).join();
        assertThat(read).get().extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("alice v2");
    }

    private void assertEveryRecordReadable(List<OwnedRecord> records) {
        List<CompletableFuture<Optional<OwnedRecord>>> reads = new ArrayList<>();
        for (OwnedRecord r : records) {
            reads.add(any().get(r.key()));
        }
        for (int i = 0; i < records.size(); i++) {
            assertThat(reads.get(i).join()).as("record %s", records.get(i).key()).contains(records.get(i));
        }
    }

    private static void assertRefused(CompletableFuture<?> write, WriteStatus status) {
        assertThatThrownBy(write::join).cause().isInstanceOf(DhtWriteException.class)
                .extracting(e -> ((DhtWriteException) e).status()).isEqualTo(status);
    }

    private DhtNode any() {
        return cluster.nodes.get(random.nextInt(cluster.nodes.size()));
    }

    static OwnedRecord record(SigningKey owner, String key, byte[] value, long seq) {
        return OwnedRecord.sign(owner, NodeId.ofKey(key), value, seq, Duration.ofHours(1), Instant.now());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void all(List<? extends CompletableFuture<?>> futures) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    }
}
