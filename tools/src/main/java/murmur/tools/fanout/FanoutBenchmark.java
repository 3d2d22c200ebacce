package murmur.tools.fanout;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.dissemination.FanoutDegree;
import murmur.timeline.dissemination.FanoutOrder;
import murmur.timeline.dissemination.FanoutReport;
import murmur.timeline.dissemination.FanoutSettings;
import murmur.timeline.dissemination.Hop;
import murmur.timeline.dissemination.Relay;
import murmur.timeline.dissemination.UplinkProbe;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.LinkThreads;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.link.Retry;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.session.Direct;
import murmur.timeline.testing.Arrivals;
import murmur.timeline.testing.BenchPeer;
import murmur.timeline.testing.MemoryLog;
import murmur.timeline.testing.UplinkShaper;

/**
 * One author and N followers on loopback. A fraction is offline; the author publishes posts down the tree of the
 * online ones (one per tree degree asked for) and to each online follower directly, round after round, and compares
 * them; the first rounds warm up, and each post's receipts are all in before the next. In emulated wide-area mode
 * every peer's requests go through an {@link UplinkShaper}: its own uplink at the given rate, and the one-way delay
 * each way.
 */
public final class FanoutBenchmark {
    private static final String AUTHOR = "author";
    private static final Duration POST_LIMIT = Duration.ofSeconds(60);
    private static final Duration RECEIPT_LIMIT = Duration.ofSeconds(10);
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(60);
    /**
     * The machine's rest between posts, after the last receipt: the same before every post, whichever way the one
     * before went. Without it a post started as soon as the previous one's receipts were in, so each way of sending
     * started after the other's receipt time (a tree's second, unicast's quarter second), and which one a longer
     * rest favoured measured the rest, not the sending.
     */
    private static final Duration REST = Duration.ofMillis(500);

    /** The process's CPU time, all threads: what a post cost the machine, whichever peers did the work. */
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final FanoutBenchOptions options;
    private final FanoutSettings settings = new FanoutSettings(new Retry(3, Duration.ofMillis(250),
            Duration.ofSeconds(4)), Duration.ofMillis(100), 50, 100, 5);
    private final SigningKey key = SigningKey.generate();
    private final Arrivals arrivals = new Arrivals();
    private final Map<Long, Set<String>> receipts = new ConcurrentHashMap<>();
    private Post last;
    private UplinkShaper authorUplink;

    public FanoutBenchmark(FanoutBenchOptions options) {
        this.options = options;
    }

    /** One result per tree degree, in the order asked, each with the same unicast figures. */
    public List<FanoutBenchResult> run() {
        ScheduledExecutorService scheduler = daemons("fanout-bench");
        // The emulated network's delays run on threads of their own, so the relays' receipt timers never hold them.
        ScheduledExecutorService network = daemons("fanout-wan");
        UplinkShaper.Timer timer = UplinkShaper.Timer.of(network);
        List<BenchPeer> started = new ArrayList<>();
        // One set of link threads for every peer: a thousand links with threads of their own would measure
        // the operating system's scheduler, not the fan-out.
        LinkThreads threads = new LinkThreads(2, 4);
        try {
            BenchPeer author = BenchPeer.start(AUTHOR, post -> CompletableFuture.failedFuture(
                    new IllegalStateException("the author takes no pushes")), arrivals, settings,
                    (a, d, seq, names) -> receipts.computeIfAbsent(seq, s -> ConcurrentHashMap.newKeySet())
                            .addAll(names),
                    scheduler, authorLink(), threads, d -> authorUplink = shaper(d, timer)).join();
            started.add(author);
            List<BenchPeer> online = startOnline(scheduler, started, threads, timer);
            List<Hop> hops = BenchPeer.hops(online);
            Relay relay = author.relay();
            List<Tree> trees = new ArrayList<>();
            for (int d : options.degrees()) {
                trees.add(d == FanoutBenchOptions.AUTO ? measured(hops) : new Tree(d, 0, new Phase()));
            }
            Phase unicast = new Phase();
            // Round after round, one post down each tree and one sent to each follower directly: every way of
            // sending sees the same warmed-up code and the same machine. The first rounds only warm up. Every post
            // goes down its degree's tree of epoch 0, so the tree's connections are as warm as unicast's: a new
            // epoch's first post dials a new set (FanoutOrder), which would make one measured post an outlier.
            for (int round = 0; round < options.warmup() + options.posts(); round++) {
                boolean measured = round >= options.warmup();
                for (Tree tree : trees) {
                    send(hops, (post, order) -> relay.publish(post, FanoutOrder.inEpoch(post.author(), 0, order),
                            tree.degree()), measured ? tree.phase() : null);
                }
                send(hops, relay::sendEach, measured ? unicast : null);
            }
            int offline = options.followers() - online.size();
            double verifyMicros = VerifyCost.micros(last, key.publicKey());
            double cpuBoundMs = online.size() * verifyMicros / 1000 / Runtime.getRuntime().availableProcessors();
            List<FanoutBenchResult> results = new ArrayList<>();
            for (Tree t : trees) {
                Phase tree = t.phase();
                results.add(new FanoutBenchResult(options.followers(), offline, tree.reached(), online.size(),
                        tree.p50(), tree.max(), unicast.p50(), unicast.max(), tree.sendsPerPost(),
                        unicast.sendsPerPost(), tree.maxDepth(), tree.receipts(), options.posts(), t.degree(),
                        options.linkLatency().toMillis(), options.uplink(), unicast.reached(), tree.bytesPerPost(),
                        unicast.bytesPerPost(), tree.peakInFlight(), unicast.peakInFlight(), tree.peakPeers(),
                        unicast.peakPeers(), unicast.receipts(), options.warmup(), verifyMicros, cpuBoundMs,
                        t.measuredUplink(), tree.receiptsMaxMs(), unicast.receiptsMaxMs(), tree.p99(), unicast.p99(),
                        tree.noSlowerThan(unicast), tree.cpuMs(), unicast.cpuMs(), tree.coresBusy(),
                        unicast.coresBusy()));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            CompletableFuture.allOf(started.stream().map(BenchPeer::kill).toArray(CompletableFuture[]::new)).join();
            scheduler.shutdownNow();
            network.shutdownNow();
            threads.close();
        }
    }

    /**
     * The tree {@code fanoutDegree: auto} would use: the author measures its uplink against its first follower,
     * through its own (emulated) uplink, and {@link FanoutDegree} picks the degree from what it read.
     */
    private Tree measured(List<Hop> hops) {
        List<PeerAddress> first = PeerAddresses.parseDialable(hops.get(0).address());
        // A probe that fails (its 64 KiB outlast the request timeout below about 170 kbit/s) reads as unknown.
        OptionalLong rate = new UplinkProbe(authorUplink, System::nanoTime).measure(first)
                .orTimeout(PROBE_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .handle((r, e) -> e == null ? OptionalLong.of(r) : OptionalLong.empty()).join();
        return new Tree(FanoutDegree.forUplink(rate), rate.orElse(0), new Phase());
    }

    /** One tree measured: its degree, the uplink it was picked from (0 when set), and its figures. */
    private record Tree(int degree, long measuredUplink, Phase phase) {}

    private static ScheduledExecutorService daemons(String name) {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The emulated uplink of one peer; without emulation it only counts. */
    private UplinkShaper shaper(Direct link, UplinkShaper.Timer timer) {
        return new UplinkShaper(link, options.uplink(), options.linkLatency(), timer);
    }

    /** The baseline has every follower send its receipt straight to the author, so the author takes them all. */
    private LinkSettings authorLink() {
        LinkSettings d = LinkSettings.defaults();
        return new LinkSettings(d.maxFrameBytes(), d.requestTimeout(), d.idleTimeout(),
                Math.max(d.maxInboundConnections(), options.followers() + 16), d.maxPendingPerConnection());
    }

    private List<BenchPeer> startOnline(ScheduledExecutorService scheduler, List<BenchPeer> started,
            LinkThreads threads, UplinkShaper.Timer timer) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < options.followers(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(options.seed()));
        int offline = (int) Math.round(options.followers() * options.offline());
        List<CompletableFuture<BenchPeer>> starting = new ArrayList<>();
        for (int i : order.subList(offline, order.size())) {
            starting.add(BenchPeer.start(String.format("follower_%04d", i), new MemoryLog(key.publicKey()),
                    arrivals, settings, (a, d, seq, names) -> { }, scheduler, LinkSettings.defaults(), threads,
                    options.emulated() ? d -> shaper(d, timer) : UnaryOperator.identity()));
        }
        List<BenchPeer> online = starting.stream().map(CompletableFuture::join).toList();
        started.addAll(online);
        return online;
    }

    /**
     * Sends one post, waits until every follower has it, then until all their receipts are in (at most 10 s): the
     * next post starts on a machine no longer busy with this one, as one author's posts are seconds apart. Adds the
     * figures to {@code phase}, unless it is null (a warm-up).
     */
    private void send(List<Hop> hops, BiFunction<Post, List<Hop>, CompletableFuture<FanoutReport>> send, Phase phase)
            throws InterruptedException {
        if (phase != null) {
            // A thousand peers share this one heap, and their garbage is the benchmark's, not any peer's: a
            // collection cycle that lands on one measured post (ZGC's concurrent cycles take a core of two for up to
            // a second) made that post's maximum two to three times the others'. Every measured post starts on a
            // collected heap instead.
            System.gc();
        }
        Post post = next();
        arrivals.expect(post.seq(), hops.size());
        authorUplink.reset();
        long cpuStart = CPU.getProcessCpuTime();
        long start = System.nanoTime();
        FanoutReport report = send.apply(post, hops).join();
        arrivals.await(post.seq(), POST_LIMIT);
        double cpuMs = (CPU.getProcessCpuTime() - cpuStart) / 1e6;
        List<Double> latencies = arrivals.latenciesMs(post.seq(), start);
        UplinkShaper.Counts counts = authorUplink.counts();
        double receiptsMs = awaitReceipts(post.seq(), hops.size(), start);
        Thread.sleep(REST.toMillis());
        if (phase != null) {
            phase.add(latencies, report.sent(), arrivals.reached(post.seq()), arrivals.maxDepth(post.seq()), counts,
                    receiptsFor(post.seq()), receiptsMs, cpuMs);
        }
    }

    private Post next() {
        long seq = last == null ? 1 : last.seq() + 1;
        byte[] prev = last == null ? new byte[Post.HASH_BYTES] : last.hash();
        last = Post.sign(key, AUTHOR, seq, prev, Instant.now(), "post number " + seq);
        return last;
    }

    /**
     * Gives the receipts up to 10 s (they trail the last arrival by a linger) and returns when the author had them
     * all, in ms since {@code start}, to within the 5 ms it polls at; the limit's when some never came.
     */
    private double awaitReceipts(long seq, int expected, long start) throws InterruptedException {
        long deadline = System.nanoTime() + RECEIPT_LIMIT.toNanos();
        while (receiptsFor(seq) < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private int receiptsFor(long seq) {
        return receipts.getOrDefault(seq, Set.of()).size();
    }
}
