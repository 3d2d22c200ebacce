package murmur.tools.dht;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import murmur.config.DhtSettings;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.net.NettyNetwork;

/**
 * {@code murmur bench dht}: N nodes with real UDP/TCP sockets on loopback in one process; K records stored from
 * random nodes and read from other random nodes, C operations in flight; then a fraction of the nodes is killed and
 * every record read again. Timings start after the optional warm-up network is gone.
 */
public final class DhtBenchmark {
    private final DhtSettings settings;
    private final BenchOptions options;
    private final Random random;
    private final List<DhtNode> nodes = new ArrayList<>();
    private final List<Integer> hopsSeen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong rpcsSeen = new AtomicLong();

    public DhtBenchmark(DhtSettings settings, BenchOptions options) {
        this.settings = settings;
        this.options = options;
        this.random = new Random(options.seed());
    }

    public BenchResult run() {
        if (options.warmup()) {
            new DhtBenchmark(settings, options.warmupRun()).run();
        }
        long start = System.nanoTime();
        try (NettyNetwork network = NettyNetwork.create(settings, Clock.systemUTC(), options.ioThreads())) {
            startNodes(network);
            SigningKey owner = SigningKey.generate();
            List<OwnedRecord> records = new ArrayList<>();
            for (int i = 0; i < options.keys(); i++) {
                byte[] value = new byte[100];
                random.nextBytes(value);
                records.add(OwnedRecord.sign(owner, NodeId.ofKey("bench/" + i), value, 1, Duration.ofHours(1),
                        Clock.systemUTC().instant()));
            }
            Phase puts = runPhase(i -> pick().put(records.get(i)).thenApply(r -> true));
            Phase gets = runPhase(i -> readMatches(records.get(i)));
            int killed = kill();
            Phase afterKill = runPhase(i -> readMatches(records.get(i)));
            stopAll();
            double wall = (System.nanoTime() - start) / 1e9;
            return new BenchResult(options.nodes(), options.keys(), options.concurrency(), killed, puts.ok, gets.ok,
                    afterKill.ok, gets.percentileMs(0.50), gets.percentileMs(0.99), afterKill.percentileMs(0.50),
                    afterKill.percentileMs(0.99), gets.rpcsPerOp(), gets.hopsP50(), wall, PeakMemory.rssMb());
        }
    }

    private void startNodes(NettyNetwork network) {
        for (int i = 0; i < options.nodes(); i++) {
            DhtNode node = DhtNode.builder().settings(settings).network(network)
                    .bindAddress(new InetSocketAddress("127.0.0.1", 0)).random(new Random(random.nextLong())).build();
            node.start().join();
            nodes.add(node);
        }
        InetSocketAddress seed = nodes.get(0).address();
        int batch = 16;
        for (int i = 1; i < nodes.size(); i += batch) {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (int j = i; j < Math.min(nodes.size(), i + batch); j++) {
                joins.add(nodes.get(j).bootstrap(List.of(seed)));
            }
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
        }
        nodes.get(0).bootstrap(List.of()).join();
    }

    private CompletableFuture<Boolean> readMatches(OwnedRecord expected) {
        return pick().getTraced(expected.key()).thenApply(read -> {
            hopsSeen.add(read.hops());
            rpcsSeen.addAndGet(read.rpcs());
            return read.record().map(expected::equals).orElse(false);
        });
    }

    /** Runs one operation per key with at most {@code concurrency} in flight, timing each. */
    private Phase runPhase(IntFunction<CompletableFuture<Boolean>> op) {
        hopsSeen.clear();
        rpcsSeen.set(0);
        Semaphore inFlight = new Semaphore(options.concurrency());
        AtomicInteger ok = new AtomicInteger();
        long[] latencies = new long[options.keys()];
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < options.keys(); i++) {
            inFlight.acquireUninterruptibly();
            int index = i;
            long t0 = System.nanoTime();
            all.add(op.apply(i).orTimeout(30, TimeUnit.SECONDS).whenComplete((success, failure) -> {
                latencies[index] = System.nanoTime() - t0;
                if (failure == null && success) {
                    ok.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(f -> null).join();
        return new Phase(ok.get(), latencies, new ArrayList<>(hopsSeen), rpcsSeen.get());
    }

    private int kill() {
        int count = (int) Math.round(nodes.size() * options.killFraction());
        Collections.shuffle(nodes, random);
        List<DhtNode> victims = new ArrayList<>(nodes.subList(0, count));
        nodes.removeAll(victims);
        victims.forEach(v -> v.stop().join());
        return count;
    }

    private void stopAll() {
        nodes.forEach(n -> n.stop().join());
    }

    private DhtNode pick() {
        synchronized (random) {
            return nodes.get(random.nextInt(nodes.size()));
        }
    }

    /** One phase's figures. */
    private record Phase(int ok, long[] latencies, List<Integer> hops, long rpcs) {
        double percentileMs(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]
                    / 1e6;
        }

        double rpcsPerOp() {
            return latencies.length == 0 ? 0 : (double) rpcs / latencies.length;
        }

        int hopsP50() {
            List<Integer> sorted = new ArrayList<>(hops);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }
}
