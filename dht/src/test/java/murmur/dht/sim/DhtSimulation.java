package murmur.dht.sim;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.routing.Contact;
import murmur.dht.node.TracedRead;

/**
 * Lookups on a {@link SimNetwork} of many nodes in one thread: every node joins through the first ({@link #grow}),
 * or, for networks too large for that, starts with the routing table a converged network would give it
 * ({@link #growConverged}); records are stored from random nodes and read back from others. Deterministic for a
 * given seed.
 */
public final class DhtSimulation {
    static final int JOIN_BATCH = 50;

    private final DhtSettings settings;
    private final SimNetwork network;
    private final Random random;
    private final SecureRandom keys;
    private final List<DhtNode> nodes = new ArrayList<>();
    private final List<NodeId> stored = new ArrayList<>();

    public DhtSimulation(DhtSettings settings, long seed) {
        this.settings = settings;
        this.network = new SimNetwork(seed, Duration.ofMillis(5), Duration.ofMillis(50), settings.requestTimeout());
        this.random = new Random(seed);
        this.keys = SigningKey.deterministicRandom(seed);
    }

    /** Starts {@code count} nodes; each joins through the first one, up to {@link #JOIN_BATCH} at a time. */
    public void grow(int count) {
        for (int started = 0; started < count; started += JOIN_BATCH) {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (int i = started; i < Math.min(count, started + JOIN_BATCH); i++) {
                DhtNode node = startNode();
                List<InetSocketAddress> seeds = nodes.isEmpty() ? List.of() : List.of(nodes.get(0).address());
                joins.add(node.bootstrap(seeds));
                nodes.add(node);
            }
            network.await(CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)));
        }
        network.runFor(Duration.ofSeconds(30));
    }

    /**
     * Starts {@code count} nodes without join lookups: each gets the contacts a converged network would give it
     * ({@link ConvergedTables}: per bucket every node in its range, or k of them sampled when there are more), as if
     * each had answered it just now. A node's table costs O(log^2 N) id comparisons, k log N insertions and no
     * message, where {@link #grow} costs lookups of the node's own id and of every farther bucket, and a proof of
     * identity per new contact. What follows (stores, reads, kills, maintenance) runs the nodes' real code. Nodes
     * started before get the new contacts too.
     */
    public void growConverged(int count) {
        for (int i = 0; i < count; i++) {
            nodes.add(startNode());
        }
        List<Contact> contacts = new ArrayList<>(nodes.size());
        for (DhtNode node : nodes) {
            contacts.add(new Contact(node.id(), node.address()));
        }
        ConvergedTables tables = new ConvergedTables(contacts, settings.k(), new Random(random.nextLong()));
        for (int i = 0; i < nodes.size(); i++) {
            ConvergedTables.admit(nodes.get(i), tables.tableOf(contacts.get(i).id()));
            // Each new contact schedules a hand-off of the records it should hold (if any were stored before): run
            // them now, so the queue never holds the whole network's.
            network.runFor(Duration.ZERO);
        }
        network.runFor(Duration.ofSeconds(30));
    }

    private DhtNode startNode() {
        DhtNode node = DhtNode.builder().settings(settings).network(network)
                .signingKey(SigningKey.generate(keys)).random(new Random(random.nextLong())).build();
        network.await(node.start());
        return node;
    }

    /** Stores {@code count} records, each from a random node; returns how many were accepted. */
    public int store(int count) {
        int ok = 0;
        SigningKey owner = SigningKey.generate(keys);
        Instant now = network.clock().instant();
        for (int i = 0; i < count; i++) {
            NodeId key = NodeId.ofKey("sim/" + stored.size());
            byte[] value = ("value " + i).getBytes(StandardCharsets.UTF_8);
            OwnedRecord record = OwnedRecord.sign(owner, key, value, 1, Duration.ofHours(1), now);
            try {
                network.await(randomNode().put(record));
                stored.add(key);
                ok++;
            } catch (RuntimeException e) {
                // counted as not stored
            }
        }
        return ok;
    }

    /** Reads every stored key from a random node. */
    public Reads readAll() {
        int found = 0;
        int[] hops = new int[stored.size()];
        long rpcs = 0;
        for (int i = 0; i < stored.size(); i++) {
            TracedRead read = network.await(randomNode().getTraced(stored.get(i)));
            found += read.record().isPresent() ? 1 : 0;
            hops[i] = read.hops();
            rpcs += read.rpcs();
        }
        Arrays.sort(hops);
        return new Reads(stored.size(), found, percentile(hops, 0.5), percentile(hops, 0.99),
                stored.isEmpty() ? 0 : (double) rpcs / stored.size());
    }

    /** Kills a random {@code fraction} of the nodes (never the one everyone joined through). */
    public int kill(double fraction) {
        int count = (int) Math.round(nodes.size() * fraction);
        for (int i = 0; i < count; i++) {
            DhtNode victim = nodes.remove(1 + random.nextInt(nodes.size() - 1));
            network.kill(victim.address());
        }
        return count;
    }

    public List<DhtNode> nodes() {
        return nodes;
    }

    public SimNetwork network() {
        return network;
    }

    private DhtNode randomNode() {
        return nodes.get(random.nextInt(nodes.size()));
    }

    private static int percentile(int[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Outcome of reading every stored key once. */
    public record Reads(int keys, int found, int hopsP50, int hopsP99, double rpcsPerLookup) {
        public double successRate() {
            return keys == 0 ? 1.0 : (double) found / keys;
        }
    }
}
