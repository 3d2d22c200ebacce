package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.CountingObserver;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node's observer hears of the requests it answers, the writes it refuses and the lookups it runs. */
@Timeout(60)
class ObserverTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=4")).dht();
    private final SimNetwork network = new SimNetwork(3, Duration.ofMillis(5), Duration.ofMillis(20),
            settings.requestTimeout());
    private final CountingObserver observed = new CountingObserver();

    @Test
    void requestsRefusalsAndLookupsAreReported() {
        DhtNode watched = node(1, observed);
        network.await(watched.bootstrap(List.of()));
        DhtNode writer = node(2, new CountingObserver());
        network.await(writer.bootstrap(List.of(watched.address())));
        int lookupsBefore = observed.count("lookup:value");

        SigningKey owner = SigningKey.generate(TestKeys.seeded(7));
        network.await(writer.put(record(owner, 2)));
        assertThatThrownBy(() -> network.await(writer.put(record(owner, 1))))
                .hasMessageContaining("equal or higher sequence number");
        network.await(watched.get(NodeId.ofKey("profile/ann")));

        assertThat(observed.count("request:ping")).isPositive();
        assertThat(observed.count("request:find_node")).isPositive();
        assertThat(observed.count("request:store")).isEqualTo(2);
        assertThat(observed.count("refused:store_stale")).isEqualTo(1);
        assertThat(observed.count("lookup:value")).isEqualTo(lookupsBefore + 1);
        assertThat(observed.count("lookup:nodes")).isPositive();
    }

    @Test
    void theDefaultObserverIgnoresEverything() {
        DhtNode plain = DhtNode.builder().settings(settings).network(network)
                .signingKey(SigningKey.generate(TestKeys.seeded(4))).build();
        network.await(plain.start());
        DhtNode watched = node(5, observed);
        network.await(watched.bootstrap(List.of(plain.address())));
        assertThat(observed.count("request:ping")).isZero();
        assertThat(observed.count("lookup:nodes")).isPositive();
    }

    private DhtNode node(long seed, CountingObserver observer) {
        DhtNode node = DhtNode.builder().settings(settings).network(network).observer(observer)
                .signingKey(SigningKey.generate(TestKeys.seeded(seed))).random(new Random(seed)).build();
        network.await(node.start());
        return node;
    }

    private OwnedRecord record(SigningKey owner, long seq) {
        return OwnedRecord.sign(owner, NodeId.ofKey("profile/ann"), ("v" + seq).getBytes(StandardCharsets.UTF_8), seq,
                Duration.ofHours(1), network.clock().instant());
    }
}
