package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
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
}
