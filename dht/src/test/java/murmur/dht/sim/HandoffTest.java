package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Nodes that join after a record was stored receive it at once when they are among the k closest to its key. */
@Timeout(60)
class HandoffTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(),
            List.of("dht.k=4", "dht.readReplicas=2")).dht();

    @Test
    void joiningNodesGetTheRecordsTheyAreNowResponsibleFor() {
        DhtSimulation sim = new DhtSimulation(settings, 13);
        sim.grow(30);
        SigningKey owner = SigningKey.generate(TestKeys.seeded(2));
        List<OwnedRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OwnedRecord r = OwnedRecord.sign(owner, NodeId.ofKey("k" + i), ("v" + i).getBytes(StandardCharsets.UTF_8),
                    1, Duration.ofHours(6), sim.network().clock().instant());
            sim.network().await(sim.nodes().get(i).put(r));
            records.add(r);
        }

        sim.grow(60);
        sim.network().runFor(Duration.ofSeconds(10));

        int newcomersHolding = 0;
        for (OwnedRecord r : records) {
            List<DhtNode> closest = new ArrayList<>(sim.nodes());
            closest.sort((a, b) -> r.key().compareDistance(a.id(), b.id()));
            for (DhtNode n : closest.subList(0, settings.k())) {
                assertThat(n.localRecord(r.key())).as("%s on one of its %d closest nodes", r.key(), settings.k())
                        .contains(r);
                newcomersHolding += sim.nodes().indexOf(n) >= 30 ? 1 : 0;
            }
        }
        assertThat(newcomersHolding).as("replicas that joined after the write").isGreaterThan(20);
    }
}
