package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.SigningKey;
import murmur.dht.TestKeys;
import murmur.dht.node.DhtNode;
import murmur.dht.rpc.RpcTimeoutException;
import org.junit.jupiter.api.Test;

/** {@link DhtNode#ping}: is there a Murmur node at this address (a bootstrap node typed in by a user)? */
class SeedPingTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=8")).dht();
    private final DhtSimulation sim = new DhtSimulation(settings, 5);

    @Test
    void aNodeThatAnswersAndProvesItsKeyGivesItsId() {
        sim.grow(3);
        DhtNode asker = node();
        DhtNode seed = sim.nodes().get(1);

        NodeId id = sim.network().await(asker.ping(seed.address()));

        assertThat(id).isEqualTo(seed.id());
        assertThat(asker.knows(seed.id())).isTrue();
        assertThat(seed.knows(asker.id())).as("a client-mode asker stays out of the seed's table").isFalse();
    }

    @Test
    void anAddressWhereNothingAnswersFails() {
        sim.grow(2);
        DhtNode asker = node();
        InetSocketAddress dead = sim.nodes().get(1).address();
        sim.network().kill(dead);

        CompletableFuture<NodeId> ping = asker.ping(dead);

        assertThatThrownBy(() -> sim.network().await(ping)).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(RpcTimeoutException.class);
        assertThat(asker.routingTableSize()).isZero();
    }

    @Test
    void aNodeNotStartedCannotPing() {
        DhtNode idle = DhtNode.builder().settings(settings).network(sim.network()).build();

        assertThatThrownBy(() -> idle.ping(new InetSocketAddress("10.0.0.1", 4000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not been started");
    }

    private DhtNode node() {
        DhtNode node = DhtNode.builder().settings(settings).network(sim.network()).clientMode(true)
                .signingKey(SigningKey.generate(TestKeys.seeded(42))).random(new Random(1)).build();
        sim.network().await(node.start());
        return node;
    }
}
