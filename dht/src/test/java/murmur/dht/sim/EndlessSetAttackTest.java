package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.DhtObserver;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import murmur.dht.node.DhtNode;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.wire.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A holder that always answers "more" (issue 14, item 6c): it sends the same page of a set again and again. A set
 * read must stop paging through it, keep the honest replicas' entries and complete. The set's key is the evil
 * node's own id, so it is always among the holders asked.
 */
@Timeout(120)
class EndlessSetAttackTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=4")).dht();
    private final SecureRandom keys = TestKeys.seeded(6);

    @Test
    void aHolderThatAlwaysSaysMoreIsCutAndTheReadCompletesWithTheHonestEntries() {
        DhtSimulation sim = new DhtSimulation(settings, 31);
        sim.grow(6);
        SigningKey evilKey = SigningKey.generate(keys);
        NodeId set = NodeId.ofPublicKey(evilKey.publicKey());
        SetEntry honest = entry(set, "honest");
        SetEntry repeated = entry(set, "again and again");
        AtomicInteger pagesServed = new AtomicInteger();
        SimEndpoint evil = (SimEndpoint) sim.network().await(sim.network().bind(new InetSocketAddress(0),
                evilKey.publicKey(), endless(evilKey, set, repeated, pagesServed)));
        sim.network().await(sim.nodes().get(1).putEntry(honest));

        AtomicInteger cuts = new AtomicInteger();
        DhtNode reader = DhtNode.builder().settings(settings).network(sim.network()).observer(new DhtObserver() {
            @Override
            public void refused(String reason) {
                if (reason.equals("set_read_cut")) {
                    cuts.incrementAndGet();
                }
            }
        }).build();
        sim.network().await(reader.start());
        sim.network().await(reader.bootstrap(List.of(evil.localAddress(), sim.nodes().get(0).address())));

        CompletableFuture<List<SetEntry>> read = reader.entries(set);
        sim.network().runFor(Duration.ofMinutes(10));

        assertThat(read).as("the read ends").isDone();
        assertThat(read.join()).extracting(e -> new String(e.value(), StandardCharsets.UTF_8))
                .contains("honest");
        assertThat(pagesServed.get()).as("pages asked of the endless holder").isLessThanOrEqualTo(3);
        assertThat(cuts.get()).isEqualTo(1);
    }

    private SetEntry entry(NodeId set, String text) {
        SigningKey writer = SigningKey.generate(keys);
        return TestEntries.worked(writer, SetEntry.sign(writer, set, text.getBytes(StandardCharsets.UTF_8), 1,
                Duration.ofHours(1), Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** A node with a real key (it proves it when asked) that serves {@code page} of {@code set} without end. */
    private static InboundHandler endless(SigningKey key, NodeId set, SetEntry page, AtomicInteger served) {
        return (from, request) -> {
            Message body = request.body();
            Message answer;
            if (body instanceof Message.FindSet f && f.key().equals(set)) {
                served.incrementAndGet();
                answer = new Message.SetPage(set, List.of(page), true);
            } else if (body instanceof Message.Prove p) {
                answer = new Message.Proof(key.sign(p.signed()));
            } else if (body instanceof Message.Ping) {
                answer = new Message.Pong();
            } else if (body instanceof Message.StoreEntries s) {
                answer = new Message.StoreResult(WriteStatus.OK, s.entries().size());
            } else {
                answer = new Message.Nodes(List.of());
            }
            return CompletableFuture.completedFuture(answer);
        };
    }
}
