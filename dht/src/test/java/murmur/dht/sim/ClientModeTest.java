package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.node.DhtNode;
import org.junit.jupiter.api.Test;

/**
 * A node in client mode (one nobody can reach) reads and writes like any other, but no routing table takes it in,
 * so no lookup is ever sent towards it and no record handed to it; in server mode again, it is found at once.
 */
class ClientModeTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=8")).dht();
    private final DhtSimulation sim = new DhtSimulation(settings, 21);

    @Test
    void aClientReadsAndWritesButEntersNoRoutingTable() {
        sim.grow(40);
        DhtNode client = clientJoining();
        SigningKey owner = SigningKey.generate(TestKeys.seeded(5));
        OwnedRecord record = OwnedRecord.sign(owner, NodeId.ofKey("client-wrote"),
                "hello".getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1), sim.network().clock().instant());

        assertThat(sim.network().await(client.put(record)).accepted()).isPositive();
        SetEntry entry = TestEntries.worked(owner, SetEntry.sign(owner, NodeId.ofKey("a-set"),
                "member".getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1), sim.network().clock().instant()));
        assertThat(sim.network().await(client.putEntry(entry)).accepted()).isPositive();
        assertThat(sim.network().await(sim.nodes().get(7).get(record.key()))).contains(record);
        assertThat(sim.network().await(client.get(record.key()))).contains(record);
        assertThat(sim.network().await(client.entries(entry.setKey()))).containsExactly(entry);

        sim.network().runFor(Duration.ofMinutes(30));
        assertThat(client.routingTableSize()).as("the client knows the network").isGreaterThan(settings.k());
        assertThat(sim.nodes()).as("nodes that took the client in").noneMatch(n -> n.knows(client.id()));
        assertThat(client.storedRecords()).as("records handed to the client").isZero();
    }

    @Test
    void aClientThatTurnsIntoAServerIsTakenIn() {
        sim.grow(40);
        DhtNode client = clientJoining();
        sim.network().runFor(Duration.ofMinutes(1));
        assertThat(sim.nodes()).noneMatch(n -> n.knows(client.id()));

        client.clientMode(false);
        sim.network().runFor(Duration.ofSeconds(10));

        long knowing = sim.nodes().stream().filter(n -> n.knows(client.id())).count();
        assertThat(knowing).as("nodes that know it a moment after").isGreaterThanOrEqualTo(settings.k() / 2);
        assertThat(client.clientMode()).isFalse();
    }

    private DhtNode clientJoining() {
        DhtNode client = DhtNode.builder().settings(settings).network(sim.network()).clientMode(true)
                .signingKey(SigningKey.generate(TestKeys.seeded(99))).random(new Random(3)).build();
        sim.network().await(client.start());
        sim.network().await(client.bootstrap(List.of(sim.nodes().get(0).address())));
        return client;
    }
}
