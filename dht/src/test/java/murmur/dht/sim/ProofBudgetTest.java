package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.wire.Message;
import org.junit.jupiter.api.Test;

/**
 * Proofs of identity cost a signature at the contact and a check here, so a node asks for one only from a contact
 * that would enter its table: one whose bucket has room, or whose bucket's oldest member has gone silent. In a
 * network much larger than the tables, most contacts a node hears from meet full buckets and cost nothing. (Before,
 * every contact heard from was proven, and the ones that met a full bucket were then parked: here 8,372 proofs for
 * 3,545 contacts held, against 4,784 for 3,531 now.)
 */
class ProofBudgetTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=4")).dht();
    private final DhtSimulation sim = new DhtSimulation(settings, 77);

    @Test
    void contactsThatMeetAFullBucketAreNotAskedForProof() {
        sim.grow(150);
        sim.store(100);
        sim.readAll();

        long proofs = sim.nodes().stream().mapToLong(DhtNode::identityProofsPassed).sum();
        long held = sim.nodes().stream().mapToLong(DhtNode::routingTableSize).sum();
        assertThat(sim.readAll().successRate()).isEqualTo(1.0);
        assertThat(proofs).as("proofs passed in all, for %d contacts held in all", held)
                .isLessThanOrEqualTo(held * 3 / 2);
    }

    /**
     * A stranger's request to a full bucket makes the node check that bucket's least recently seen member, but not
     * one heard from within {@code dht.contactFreshFor}: reads in a network whose members all spoke within that time
     * cost no pings. Without the fresh period every such request cost one (in {@code bench dht}, 4,867 pings beside
     * the 5,670 requests of 1,000 reads).
     */
    @Test
    void readsCostNoPingsWhileTheMembersOfFullBucketsAreFresh() {
        long withoutFreshPeriod = pingsDuringReads("0s");
        long freshForTheWholeRun = pingsDuringReads("10m");

        assertThat(freshForTheWholeRun).isZero();
        assertThat(withoutFreshPeriod).as("the same reads, every stranger checking a member").isGreaterThan(100);
    }

    /** Pings sent while 100 records are read, after a network of 150 nodes (k = 4) has stored and read them once. */
    private static long pingsDuringReads(String freshFor) {
        DhtSimulation sim = new DhtSimulation(
                SettingsLoader.load(Optional.empty(), List.of("dht.k=4", "dht.contactFreshFor=" + freshFor)).dht(), 77);
        sim.grow(150);
        sim.store(100);
        sim.readAll();
        long before = sim.network().requestsSent(Message.Ping.class);
        assertThat(sim.readAll().successRate()).isEqualTo(1.0);
        long pings = sim.network().requestsSent(Message.Ping.class) - before;
        System.out.println("{\"probe\":\"pings-during-reads\",\"freshFor\":\"" + freshFor
                + "\",\"reads\":100,\"pings\":" + pings + "}");
        return pings;
    }
}
