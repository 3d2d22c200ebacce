package murmur.dht.net;

import static murmur.dht.net.DhtNetworkIT.bytes;
import static murmur.dht.net.DhtNetworkIT.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.persist.SqliteNodeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A node with a data directory comes back after a restart with its id, its records and its contacts. */
@Timeout(120)
class RestartIT {
    private final LoopbackCluster cluster = new LoopbackCluster(SettingsLoader.defaults().dht());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aStoreIsOnDiskBeforeItIsAcknowledged() throws Exception {
        for (int i = 0; i < 4; i++) {
            cluster.add(dir.resolve("d" + i), 0);
        }
        cluster.joinAll();
        OwnedRecord record = record(SigningKey.generate(), "user/carol", bytes("carol"), 1);

        cluster.nodes.get(0).put(record).join();

        // No clean stop: another connection reads each replica's file as a restart after kill -9 would.
        for (int i = 0; i < 4; i++) {
            try (SqliteNodeStore disk = SqliteNodeStore.open(dir.resolve("d" + i))) {
                assertThat(disk.loadRecords()).as("replica %d", i).contains(record);
            }
        }
    }

    @Test
    void aRestartedNodeKeepsItsIdRecordsAndRoutingTableAndRejoinsWithoutSeeds() {
        for (int i = 0; i < 10; i++) {
            cluster.add(dir.resolve("n" + i), 0);
        }
        cluster.joinAll();
        OwnedRecord record = record(SigningKey.generate(), "user/bob", bytes("bob"), 1);
        cluster.nodes.get(3).put(record).join();

        DhtNode before = cluster.nodes.get(5);
        NodeId id = before.id();
        int port = before.address().getPort();
        before.stop().join();
        int stored = before.storedRecords();
        int contacts = before.routingTableSize();
        cluster.nodes.remove(before);

        DhtNode after = cluster.add(dir.resolve("n5"), port);
        assertThat(after.id()).isEqualTo(id);
        assertThat(after.storedRecords()).isEqualTo(stored).isPositive();
        // The saved contacts are back; a request from a node it did not know may already have added one more.
        assertThat(after.routingTableSize()).isGreaterThanOrEqualTo(contacts).isPositive();

        after.bootstrap(List.of()).join();
        assertThat(after.routingTableSize()).isEqualTo(9);
        assertThat(after.get(record.key()).join()).contains(record);
    }
}
