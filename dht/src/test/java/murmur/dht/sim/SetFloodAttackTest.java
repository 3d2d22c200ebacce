package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.PutResult;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import murmur.dht.node.DhtNode;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sybil writers in a multi-writer set (issue 14, item 4): 20,000 fresh keys fill {@code followers/<name>} at every
 * holder, first come. Before proof of work a full set refused every new writer for 30 days, so nobody new could
 * follow. Now every entry carries work bound to the set and its writer; a full set takes a newcomer in place of the
 * entry with the least work when the newcomer has more, and an honest writer the holders refuse works harder and
 * writes again. The set never holds more than its cap, so a whole read costs what a full set of honest writers does.
 * The minimum here is 8 bits (not the default 14) so the flood is made in about a second.
 */
@Timeout(120)
class SetFloodAttackTest {
    private static final int CAP = 20_000;
    private static final int MIN = 8;
    private static final int BATCH = 200;
    private static final Duration TTL = Duration.ofDays(30);

    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=3",
            "dht.readReplicas=2", "dht.maxSetEntries=" + CAP, "dht.setPageSize=" + BATCH,
            "dht.setMinWorkBits=" + MIN, "dht.setMaxWorkBits=" + (MIN + 8))).dht();
    private final SecureRandom keys = TestKeys.seeded(71);

    @Test
    void twentyThousandFreshKeysFillASetYetAnHonestFollowerGetsInAndReadsStayAtTheCap() {
        DhtSimulation sim = new DhtSimulation(settings, 72);
        sim.grow(10);
        NodeId set = NodeId.ofKey("followers/celebrity");
        List<DhtNode> holders = sim.nodes().stream()
                .sorted(Comparator.comparing(DhtNode::id, set::compareDistance)).limit(settings.k()).toList();
        Transport attacker = sim.network().await(sim.network().bind(new InetSocketAddress(0),
                SigningKey.generate(keys).publicKey(), (from, request) ->
                        CompletableFuture.completedFuture(new Message.Nodes(List.of()))));
        Instant now = sim.network().clock().instant();

        List<SetEntry> flood = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            flood.add(sybil(set, "sybil " + i, now, MIN));
        }
        for (int from = 0; from < CAP; from += BATCH) {
            Message.StoreEntries batch = new Message.StoreEntries(set, flood.subList(from, from + BATCH));
            for (DhtNode holder : holders) {
                assertThat(store(sim, attacker, holder, batch).accepted()).isEqualTo(BATCH);
            }
        }
        SetEntry oneMore = sybil(set, "one more", now, MIN);
        for (DhtNode holder : holders) {
            assertThat(holder.storedRecords()).as("the set is full").isEqualTo(CAP);
            assertThat(store(sim, attacker, holder, new Message.StoreEntries(set, List.of(oneMore))).status())
                    .as("a sybil at the minimum finds the set full").isEqualTo(WriteStatus.FULL);
        }

        SigningKey bob = SigningKey.generate(keys);
        DhtNode bobsNode = sim.nodes().stream().filter(n -> !holders.contains(n)).findFirst().orElseThrow();
        PutResult follow = sim.network().await(bobsNode.putEntry(bob, SetEntry.sign(bob, set,
                bytes("bob follows"), 1, TTL, now)));

        assertThat(follow.accepted()).as("the honest follow got in").isEqualTo(settings.k());
        for (DhtNode holder : holders) {
            assertThat(holder.storedRecords()).as("the set stays at its cap").isEqualTo(CAP);
            assertThat(holder.evictedEntries()).as("one sybil made room").isEqualTo(1);
        }

        // Read from holders: they checked these signatures once already, and so the test stays fast.
        long before = sim.network().messagesDelivered();
        List<SetEntry> read = sim.network().await(holders.get(0).entries(set));
        long messages = sim.network().messagesDelivered() - before;

        assertThat(read).hasSize(CAP);
        SetEntry bobs = read.stream().filter(e -> e.writerId().equals(bob.nodeId())).findFirst().orElseThrow();
        assertThat(bobs.work()).as("bob's work outranks the sybil it replaced").isGreaterThan(MIN);
        // Each holder is read in at most maxSetEntries / setPageSize + 1 pages, whatever was sent to it.
        long pages = (long) settings.k() * (CAP / BATCH + 1);
        assertThat(messages).as("messages of a whole read").isLessThanOrEqualTo(2 * pages + 200);

        sim.network().await(bobsNode.putEntry(bob, SetEntry.sign(bob, set, bytes("bob, later"), 2, TTL, now)));
        SetEntry update = sim.network().await(holders.get(2).entries(set)).stream()
                .filter(e -> e.writerId().equals(bob.nodeId())).findFirst().orElseThrow();
        assertThat(update.seq()).as("a writer in the full set updates its entry").isEqualTo(2);
        assertThat(update.nonce()).as("with the work it did before").isEqualTo(bobs.nonce());

        SetEntry again = sybil(set, "after", now, MIN);
        for (DhtNode holder : holders) {
            store(sim, attacker, holder, new Message.StoreEntries(set, List.of(again)));
            assertThat(holder.storedRecords()).isEqualTo(CAP);
        }
        assertThat(sim.network().await(holders.get(1).entries(set))).hasSize(CAP)
                .anyMatch(e -> e.writerId().equals(bob.nodeId()));
    }

    private SetEntry sybil(NodeId set, String text, Instant now, int bits) {
        SigningKey key = SigningKey.generate(keys);
        return TestEntries.exactly(key, SetEntry.sign(key, set, bytes(text), 1, TTL, now), bits);
    }

    private static Message.StoreResult store(DhtSimulation sim, Transport from, DhtNode to, Message request) {
        return (Message.StoreResult) sim.network().await(from.request(to.address(), request)).body();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
