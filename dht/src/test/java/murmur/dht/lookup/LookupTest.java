package murmur.dht.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.DhtWriteException;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.PutResult;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import murmur.dht.routing.Contact;
import murmur.dht.routing.RoutingTable;
import murmur.dht.rpc.ObservedAddresses;
import murmur.dht.rpc.RpcClient;
import murmur.dht.rpc.Transport;
import murmur.dht.sim.SimNetwork;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lookups, reads and writes across a simulated network of 100 nodes. Deterministic: every run is seeded. */
@Timeout(60)
class LookupTest {
    private static final int NODES = 100;

    private final DhtSettings settings = SettingsLoader.defaults().dht();
    private final SecureRandom keys = TestKeys.seeded(77);
    private final Random random = new Random(77);
    private final SimNetwork sim = new SimNetwork(77, Duration.ofMillis(5), Duration.ofMillis(50),
            settings.requestTimeout());
    private final List<DhtNode> nodes = new ArrayList<>();
    private final Set<NodeId> dead = new HashSet<>();
    private final Set<InetSocketAddress> deadAddresses = new HashSet<>();

    /** Starts {@code count} nodes that all join through the first, as {@code DhtSimulation} does. */
    private void grow(int count) {
        for (int i = 0; i < count; i++) {
            DhtNode node = DhtNode.builder().settings(settings).network(sim).signingKey(SigningKey.generate(keys))
                    .random(new Random(random.nextLong())).build();
            sim.await(node.start());
            List<InetSocketAddress> seeds = nodes.isEmpty() ? List.of() : List.of(nodes.get(0).address());
            sim.await(node.bootstrap(seeds));
            nodes.add(node);
        }
        sim.runFor(Duration.ofSeconds(30));
    }

    /** Kills {@code fraction} of the nodes, never the first (everyone's seed) nor those in {@code spare}. */
    private void kill(double fraction, DhtNode... spare) {
        List<DhtNode> candidates = new ArrayList<>(nodes.subList(1, nodes.size()));
        candidates.removeAll(List.of(spare));
        Collections.shuffle(candidates, random);
        for (DhtNode victim : candidates.subList(0, (int) Math.round(nodes.size() * fraction))) {
            sim.kill(victim.address());
            dead.add(victim.id());
            deadAddresses.add(victim.address());
        }
    }

    private List<DhtNode> live() {
        return nodes.stream().filter(n -> !dead.contains(n.id())).toList();
    }

    private List<NodeId> trueClosest(NodeId target, int n) {
        return live().stream().map(DhtNode::id).sorted(Comparator.comparing(id -> id.xor(target))).limit(n)
                .toList();
    }

    private <T> T await(CompletableFuture<T> future) {
        return sim.await(future);
    }

    private static DhtWriteException writeFailure(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(DhtWriteException.class);
        return (DhtWriteException) thrown.getCause();
    }

    /**
     * A bare Kademlia client on the simulated network: its own routing table and RPC client, so tests can run a
     * {@link Lookup} directly and look at its result. It answers pings and node queries like any node.
     */
    private final class Client {
        final SigningKey key = SigningKey.generate(keys);
        final RoutingTable routing = new RoutingTable(key.nodeId(), settings.k(), settings.replacementCacheSize(),
                settings.staleAfterFailures(), settings.contactFreshFor(), sim.clock());
        final RpcClient rpc;
        final List<InetSocketAddress> asked = new ArrayList<>();

        Client(InetSocketAddress seed) {
            Transport transport = await(sim.bind(new InetSocketAddress(0), key.publicKey(), (from, request) -> {
                Message body = request.body();
                if (body instanceof Message.Ping) {
                    return CompletableFuture.completedFuture(new Message.Pong());
                }
                NodeId target = body instanceof Message.FindNode f ? f.target() : key.nodeId();
                return CompletableFuture.completedFuture(new Message.Nodes(routing.closest(target, settings.k())));
            }));
            Transport counting = new Transport() {
                @Override
                public CompletableFuture<Packet> request(InetSocketAddress to, Message request) {
                    asked.add(to);
                    return transport.request(to, request);
                }

                @Override
                public InetSocketAddress localAddress() {
                    return transport.localAddress();
                }

                @Override
                public CompletableFuture<Void> close() {
                    return transport.close();
                }
            };
            rpc = new RpcClient(counting, routing, sim.scheduler(), settings,
                    new ObservedAddresses(sim.clock()));
            await(rpc.ping(seed));
            lookup(key.nodeId());
        }

        LookupResult lookup(NodeId target) {
            return await(Lookup.start(rpc, key.nodeId(), target, LookupMode.NODES,
                    routing.closest(target, settings.k())));
        }
    }

    @Test
    void aValueStoredOnAHundredNodesIsFoundFromEveryNode() {
        grow(NODES);
        SigningKey owner = SigningKey.generate(keys);
        NodeId key = NodeId.ofKey("user/alice");
        OwnedRecord record = OwnedRecord.sign(owner, key, "alice".getBytes(StandardCharsets.UTF_8), 1,
                Duration.ofHours(1), sim.clock().instant());

        PutResult put = await(nodes.get(37).put(record));

        assertThat(put.accepted()).isGreaterThanOrEqualTo(settings.k() - 1);
        assertThat(put.refused()).isZero();
        for (DhtNode node : nodes) {
            assertThat(await(node.get(key))).as("read from %s", node.id()).contains(record);
        }
        assertThat(await(nodes.get(3).get(NodeId.ofKey("user/nobody")))).isEmpty();
    }

    @Test
    void aFindNodeLookupReturnsTheTrueKClosestNodes() {
        grow(NODES);
        Client client = new Client(nodes.get(0).address());

        for (int i = 0; i < 25; i++) {
            NodeId target = i % 5 == 0 ? nodes.get(random.nextInt(NODES)).id() : NodeId.random(random);

            LookupResult result = client.lookup(target);

            assertThat(result.closest()).extracting(Contact::id).as("target %s", target)
                    .containsExactlyElementsOf(trueClosest(target, settings.k()));
            assertThat(result.found()).isEmpty();
            assertThat(result.hops()).isPositive();
            assertThat(result.rpcs()).isGreaterThanOrEqualTo(settings.k());
        }
    }

    @Test
    void afterThirtyPercentDieLookupsCompleteWithOnlyLiveNodes() {
        grow(NODES);
        Client client = new Client(nodes.get(0).address());
        kill(0.3);
        assertThat(dead).hasSize(30);

        for (int i = 0; i < 25; i++) {
            NodeId target = NodeId.random(random);

            LookupResult result = client.lookup(target);

            // Answers still list dead nodes their senders have not yet found dead, which can crowd the last one
            // or two live nodes out of view; the nearest ones must all be there, and nothing dead.
            List<NodeId> found = result.closest().stream().map(Contact::id).toList();
            List<NodeId> truth = trueClosest(target, settings.k());
            assertThat(found).as("target %s", target).hasSize(settings.k()).doesNotContainAnyElementsOf(dead)
                    .containsAll(truth.subList(0, settings.k() / 2));
            assertThat(found.stream().filter(truth::contains).count()).isGreaterThanOrEqualTo(settings.k() - 3);
            assertThat(found).isSortedAccordingTo((a, b) -> target.compareDistance(a, b));
        }
    }

    @Test
    void deadContactsDoNotEachCostAFullRequestTimeout() {
        grow(NODES);
        Client client = new Client(nodes.get(0).address());
        kill(0.3);

        Duration total = Duration.ZERO;
        Duration serialTotal = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            NodeId target = NodeId.random(random);
            client.asked.clear();
            Instant start = sim.clock().instant();
            LookupResult result = client.lookup(target);
            Duration took = Duration.between(start, sim.clock().instant());
            long deadAsked = client.asked.stream().distinct().filter(deadAddresses::contains).count();

            assertThat(result.closest()).extracting(Contact::id).doesNotContainAnyElementsOf(dead);
            assertThat(deadAsked).as("dead nodes the lookup ran into").isGreaterThanOrEqualTo(3);
            Duration serial = settings.requestTimeout().multipliedBy(deadAsked);
            assertThat(took).as("virtual time of a lookup that asked %d dead nodes", deadAsked)
                    .isLessThan(serial.dividedBy(2))
                    .isLessThanOrEqualTo(settings.requestTimeout().multipliedBy(4));
            total = total.plus(took);
            serialTotal = serialTotal.plus(serial);
        }
        assertThat(total).isLessThan(serialTotal.dividedBy(3));
    }

    @Test
    void valuesStayReadableFromSurvivorsAfterThirtyPercentDie() {
        grow(NODES);
        SigningKey owner = SigningKey.generate(keys);
        List<OwnedRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            OwnedRecord r = OwnedRecord.sign(owner, NodeId.ofKey("k" + i), new byte[] {(byte) i}, 1,
                    Duration.ofHours(1), sim.clock().instant());
            await(nodes.get(i * 7).put(r));
            records.add(r);
        }
        kill(0.3);

        for (OwnedRecord r : records) {
            DhtNode reader = live().get(random.nextInt(live().size()));
            assertThat(await(reader.get(r.key()))).contains(r);
        }
    }

    @Test
    void aSetWithFiveHundredWritersIsReadInPagesFromAnotherNode() {
        grow(NODES);
        NodeId setKey = NodeId.ofKey("followers/alice");
        List<SetEntry> written = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            SigningKey writer = SigningKey.generate(keys);
            SetEntry e = TestEntries.worked(writer, SetEntry.sign(writer, setKey, ("follower " + i)
                    .getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1), sim.clock().instant()));
            PutResult put = await(nodes.get(i % NODES).putEntry(e));
            assertThat(put.accepted()).isPositive();
            written.add(e);
        }
        assertThat(settings.setPageSize()).as("the read needs several pages").isLessThan(500);

        List<SetEntry> read = await(nodes.get(99).entries(setKey));

        assertThat(read).containsExactlyElementsOf(
                written.stream().sorted(Comparator.comparing(SetEntry::writerId)).toList());
    }

    @Test
    void aTombstoneRemovesTheWritersEntry() {
        grow(NODES);
        NodeId setKey = NodeId.ofKey("followers/bob");
        SigningKey carol = SigningKey.generate(keys);
        SigningKey dave = SigningKey.generate(keys);
        Instant now = sim.clock().instant();
        SetEntry carols = TestEntries.worked(carol, SetEntry.sign(carol, setKey, new byte[] {1}, 1,
                Duration.ofHours(1), now));
        SetEntry daves = TestEntries.worked(dave, SetEntry.sign(dave, setKey, new byte[] {2}, 1, Duration.ofHours(1),
                now));
        await(nodes.get(10).putEntry(carols));
        await(nodes.get(20).putEntry(daves));
        assertThat(await(nodes.get(30).entries(setKey))).containsExactlyInAnyOrder(carols, daves);

        await(nodes.get(40).putEntry(carol, SetEntry.tombstone(carol, setKey, 2, Duration.ofHours(1), now)));

        assertThat(await(nodes.get(50).entries(setKey))).containsExactly(daves);
        assertThat(await(nodes.get(10).entries(setKey))).containsExactly(daves);
    }

    @Test
    void aWriteToAKeyClaimedByAnotherOwnerIsForbidden() {
        grow(NODES);
        NodeId key = NodeId.ofKey("user/alice");
        Instant now = sim.clock().instant();
        OwnedRecord alices = OwnedRecord.sign(SigningKey.generate(keys), key, new byte[] {1}, 1,
                Duration.ofHours(1), now);
        await(nodes.get(5).put(alices));
        OwnedRecord mallorys = OwnedRecord.sign(SigningKey.generate(keys), key, new byte[] {6, 6, 6}, 100,
                Duration.ofHours(1), now);

        Throwable thrown = catchThrowable(() -> await(nodes.get(60).put(mallorys)));

        assertThat(writeFailure(thrown).status()).isEqualTo(WriteStatus.FORBIDDEN);
        assertThat(await(nodes.get(61).get(key))).contains(alices);
    }

    @Test
    void aWriteOlderThanTheStoredRecordIsStale() {
        grow(NODES);
        SigningKey owner = SigningKey.generate(keys);
        NodeId key = NodeId.ofKey("user/bob");
        Instant now = sim.clock().instant();
        OwnedRecord v2 = OwnedRecord.sign(owner, key, new byte[] {2}, 2, Duration.ofHours(1), now);
        await(nodes.get(8).put(v2));
        OwnedRecord v1 = OwnedRecord.sign(owner, key, new byte[] {1}, 1, Duration.ofHours(1), now);

        Throwable thrown = catchThrowable(() -> await(nodes.get(80).put(v1)));

        assertThat(writeFailure(thrown).status()).isEqualTo(WriteStatus.STALE);
        assertThat(await(nodes.get(81).get(key))).contains(v2);
    }

    @Test
    void aNewerWriteByTheOwnerReplacesTheValueEverywhere() {
        grow(NODES);
        SigningKey owner = SigningKey.generate(keys);
        NodeId key = NodeId.ofKey("user/carol");
        Instant now = sim.clock().instant();
        await(nodes.get(1).put(OwnedRecord.sign(owner, key, new byte[] {1}, 1, Duration.ofHours(1), now)));
        OwnedRecord v2 = OwnedRecord.sign(owner, key, new byte[] {2}, 2, Duration.ofHours(1), now);

        await(nodes.get(2).put(v2));

        for (int i = 0; i < NODES; i += 9) {
            assertThat(await(nodes.get(i).get(key))).contains(v2);
        }
    }

    @Test
    void aWriteTheWriterCanSeeIsInvalidFailsWithoutTouchingTheNetwork() {
        grow(10);
        OwnedRecord expired = OwnedRecord.sign(SigningKey.generate(keys), NodeId.ofKey("old"), new byte[1], 1,
                Duration.ofMinutes(1), sim.clock().instant().minus(Duration.ofMinutes(2)));
        long before = sim.messagesDelivered();

        Throwable thrown = catchThrowable(() -> await(nodes.get(1).put(expired)));

        assertThat(writeFailure(thrown).status()).isEqualTo(WriteStatus.EXPIRED);
        assertThat(sim.messagesDelivered()).isEqualTo(before);
        assertThat(await(nodes.get(2).get(NodeId.ofKey("old")))).isEqualTo(Optional.empty());
    }
}
