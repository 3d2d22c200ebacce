package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.node.DhtNode;
import murmur.dht.routing.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class DhtSimulationTest {
    private final DhtSettings settings = SettingsLoader.defaults().dht();

    @Test
    void fiveHundredNodesFindEveryRecordBeforeAndAfterAQuarterDies() {
        DhtSimulation sim = new DhtSimulation(settings, 42);
        sim.grow(500);
        assertThat(sim.store(200)).isEqualTo(200);

        DhtSimulation.Reads before = sim.readAll();
        assertThat(before.found()).isEqualTo(200);
        assertThat(before.hopsP99()).isLessThanOrEqualTo(6);

        sim.kill(0.25);
        DhtSimulation.Reads after = sim.readAll();
        assertThat(after.found()).isEqualTo(200);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        DhtSimulation a = new DhtSimulation(settings, 7);
        DhtSimulation b = new DhtSimulation(settings, 7);
        a.grow(60);
        b.grow(60);
        a.store(20);
        b.store(20);
        assertThat(a.network().messagesDelivered()).isEqualTo(b.network().messagesDelivered());
    }

    @Test
    @Timeout(120)
    void threeThousandNodesWithConvergedTablesFindEveryRecordInFewHopsBeforeAndAfterAQuarterDies() {
        DhtSimulation sim = new DhtSimulation(settings, 11);
        sim.growConverged(3000);
        assertThat(sim.network().messagesDelivered()).as("a converged join sends nothing").isZero();
        assertThat(sim.store(150)).isEqualTo(150);

        DhtSimulation.Reads before = sim.readAll();
        assertThat(before.found()).isEqualTo(150);
        assertThat(before.hopsP99()).isLessThanOrEqualTo(4);

        sim.kill(0.25);
        DhtSimulation.Reads after = sim.readAll();
        assertThat(after.found()).isEqualTo(150);
        assertThat(after.hopsP99()).isLessThanOrEqualTo(5);
    }

    @Test
    void convergedTablesHoldEveryNodeOfASmallBucketAndKOfALargerOne() {
        DhtSimulation sim = new DhtSimulation(settings, 3);
        sim.growConverged(1500);
        int k = settings.k();
        List<DhtNode> nodes = sim.nodes();
        for (DhtNode node : nodes.subList(0, 40)) {
            List<Set<NodeId>> inRange = new ArrayList<>();
            List<Set<NodeId>> held = new ArrayList<>();
            for (int i = 0; i < NodeId.BITS; i++) {
                inRange.add(new HashSet<>());
                held.add(new HashSet<>());
            }
            for (DhtNode other : nodes) {
                if (other != node) {
                    inRange.get(node.id().commonPrefixLength(other.id())).add(other.id());
                }
            }
            for (Contact c : ConvergedTables.routingTable(node).all()) {
                held.get(node.id().commonPrefixLength(c.id())).add(c.id());
            }
            for (int i = 0; i < NodeId.BITS; i++) {
                if (inRange.get(i).size() <= k) {
                    assertThat(held.get(i)).as("bucket %d of %s", i, node.id()).isEqualTo(inRange.get(i));
                } else {
                    assertThat(held.get(i)).as("bucket %d of %s", i, node.id()).hasSize(k)
                            .isSubsetOf(inRange.get(i));
                }
            }
        }
    }

    @Test
    void convergedJoinWithTheSameSeedGivesTheSameRun() {
        DhtSimulation a = new DhtSimulation(settings, 9);
        DhtSimulation b = new DhtSimulation(settings, 9);
        a.growConverged(400);
        b.growConverged(400);
        a.store(30);
        b.store(30);
        assertThat(a.readAll()).isEqualTo(b.readAll());
        assertThat(a.network().messagesDelivered()).isEqualTo(b.network().messagesDelivered());
        assertThat(ConvergedTables.routingTable(a.nodes().get(7)).all())
                .isEqualTo(ConvergedTables.routingTable(b.nodes().get(7)).all());
    }
}
