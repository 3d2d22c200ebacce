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

/** Virtual hours on the simulator: republishing refills replicas that died, and expired records go away. */
@Timeout(120)
class SelfHealingTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(),
            List.of("dht.k=4", "dht.readReplicas=2", "dht.republishInterval=1h", "dht.refreshInterval=1h")).dht();
    private final DhtSimulation sim = new DhtSimulation(settings, 5);
    private final SigningKey owner = SigningKey.generate(TestKeys.seeded(9));

    @Test
    void aLoneSurvivingReplicaRepublishesSoTheRecordOutlivesEveryOriginalHolder() {
        sim.grow(40);
        OwnedRecord record = sign("profile/alice", Duration.ofHours(6));
        DhtNode publisher = sim.nodes().get(7);
        sim.network().await(publisher.put(record));
        List<DhtNode> holders = holders();
        assertThat(holders).hasSize(settings.k());

        DhtNode survivor = holders.get(0);
        for (DhtNode dead : holders.subList(1, holders.size())) {
            kill(dead);
        }
        if (publisher != survivor) {
            kill(publisher);
        }
        assertThat(holders()).containsExactly(survivor);

        sim.network().runFor(Duration.ofMinutes(80));

        assertThat(holders()).hasSizeGreaterThanOrEqualTo(settings.k() - 1).contains(survivor);
        kill(survivor);
        assertThat(sim.network().await(sim.nodes().get(0).get(record.key()))).contains(record);
    }

    @Test
    void expiredRecordsLeaveEveryNodeAndAreNoLongerFound() {
        sim.grow(20);
        OwnedRecord record = sign("presence/bob", Duration.ofMinutes(90));
        sim.network().await(sim.nodes().get(3).put(record));
        assertThat(holders()).isNotEmpty();

        sim.network().runFor(Duration.ofMinutes(130));

        assertThat(holders()).isEmpty();
        assertThat(sim.network().await(sim.nodes().get(0).get(record.key()))).isEmpty();
    }

    private OwnedRecord sign(String key, Duration ttl) {
        return OwnedRecord.sign(owner, NodeId.ofKey(key), key.getBytes(StandardCharsets.UTF_8), 1, ttl,
                sim.network().clock().instant());
    }

    private List<DhtNode> holders() {
        List<DhtNode> holders = new ArrayList<>();
        for (DhtNode n : sim.nodes()) {
            if (n.storedRecords() > 0) {
                holders.add(n);
            }
        }
        return holders;
    }

    private void kill(DhtNode node) {
        sim.network().kill(node.address());
        sim.nodes().remove(node);
    }
}
