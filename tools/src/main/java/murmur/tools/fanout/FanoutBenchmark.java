package murmur.tools.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.dissemination.FanoutOrder;
import murmur.timeline.dissemination.FanoutReport;
import murmur.timeline.dissemination.FanoutSettings;
import murmur.timeline.dissemination.Hop;
import murmur.timeline.dissemination.Relay;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.LinkThreads;
import murmur.timeline.link.Retry;
import murmur.timeline.session.Direct;
import murmur.timeline.testing.Arrivals;
import murmur.timeline.testing.BenchPeer;
import murmur.timeline.testing.MemoryLog;
import murmur.timeline.testing.UplinkShaper;

/**
 * One author and N followers on loopback. A fraction is offline; the author publishes each post down the tree of the
 * online ones (once per tree degree asked for), then the same number of posts to each online follower directly, and
 * compares the two. In emulated wide-area mode every peer's requests go through an {@link UplinkShaper}: its own
 * uplink at the given rate, and the one-way delay each way.
 */
public final class FanoutBenchmark {
    private static final String AUTHOR = "author";
    private static final Duration POST_LIMIT = Duration.ofSeconds(60);

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
            Map<Integer, Phase> trees = new LinkedHashMap<>();
            Map<Integer, Integer> receiptCounts = new LinkedHashMap<>();
            for (int degree : options.degrees()) {
                trees.put(degree, measure(hops, (post, order) -> relay.publish(post, FanoutOrder.of(post, order),
                        degree)));
                long lastTreeSeq = last.seq();
                awaitReceipts(lastTreeSeq, hops.size());
                receiptCounts.put(degree, receiptsFor(lastTreeSeq));
            }
            Phase unicast = measure(hops, relay::sendEach);
            int offline = options.followers() - online.size();
            List<FanoutBenchResult> results = new ArrayList<>();
            trees.forEach((degree, tree) -> results.add(new FanoutBenchResult(options.followers(), offline,
                    tree.reached(), online.size(), tree.p50(), tree.max(), unicast.p50(), unicast.max(),
                    tree.sendsPerPost(), unicast.sendsPerPost(), tree.maxDepth(), receiptCounts.get(degree),
                    options.posts(), degree, options.linkLatency().toMillis(), options.uplink(), unicast.reached(),
                    tree.bytesPerPost(), unicast.bytesPerPost(), tree.peakInFlight(), unicast.peakInFlight(),
                    tree.peakPeers(), unicast.peakPeers())));
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

    /** One warm-up post, then the measured ones, each awaited before the next. */
    private Phase measure(List<Hop> hops, BiFunction<Post, List<Hop>, CompletableFuture<FanoutReport>> send)
            throws InterruptedException {
        Phase phase = new Phase();
        for (int i = 0; i <= options.posts(); i++) {
            Post post = next();
            arrivals.expect(post.seq(), hops.size());
            authorUplink.reset();
            long start = System.nanoTime();
            FanoutReport report = send.apply(post, hops).join();
            arrivals.await(post.seq(), POST_LIMIT);
            if (i > 0) {
                phase.add(arrivals.latenciesMs(post.seq(), start), report.sent(), arrivals.reached(post.seq()),
                        arrivals.maxDepth(post.seq()), authorUplink.counts());
            }
        }
        return phase;
    }

    private Post next() {
        long seq = last == null ? 1 : last.seq() + 1;
        byte[] prev = last == null ? new byte[Post.HASH_BYTES] : last.hash();
        last = Post.sign(key, AUTHOR, seq, prev, Instant.now(), "post number " + seq);
        return last;
    }

    /** Receipts trail the post by a linger per level; gives them up to 10 s. */
    private void awaitReceipts(long seq, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (receiptsFor(seq) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private int receiptsFor(long seq) {
        return receipts.getOrDefault(seq, Set.of()).size();
    }
}
