package murmur.tools.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
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
import murmur.timeline.testing.Arrivals;
import murmur.timeline.testing.BenchPeer;
import murmur.timeline.testing.MemoryLog;

/**
 * One author and N followers on loopback. A fraction is offline; the author publishes each post down the tree of the
 * online ones, then the same number of posts to each online follower directly, and compares the two.
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

    public FanoutBenchmark(FanoutBenchOptions options) {
        this.options = options;
    }

    public FanoutBenchResult run() {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "fanout-bench");
            t.setDaemon(true);
            return t;
        });
        List<BenchPeer> started = new ArrayList<>();
        // One set of link threads for every peer: a thousand links with threads of their own would measure
        // the operating system's scheduler, not the fan-out.
        LinkThreads threads = new LinkThreads(2, 4);
        try {
            BenchPeer author = BenchPeer.start(AUTHOR, post -> CompletableFuture.failedFuture(
                    new IllegalStateException("the author takes no pushes")), arrivals, settings,
                    (a, d, seq, names) -> receipts.computeIfAbsent(seq, s -> ConcurrentHashMap.newKeySet())
                            .addAll(names),
                    scheduler, authorLink(), threads).join();
            started.add(author);
            List<BenchPeer> online = startOnline(scheduler, started, threads);
            List<Hop> hops = BenchPeer.hops(online);
            Relay relay = author.relay();
            Phase tree = measure(hops, (post, order) -> relay.publish(post, FanoutOrder.of(post, order)));
            long lastTreeSeq = last.seq();
            awaitReceipts(lastTreeSeq, hops.size());
            Phase unicast = measure(hops, relay::sendEach);
            int offline = options.followers() - online.size();
            return new FanoutBenchResult(options.followers(), offline, tree.reached(), online.size(),
                    tree.p50(), tree.max(), unicast.p50(), unicast.max(), tree.sendsPerPost(),
                    unicast.sendsPerPost(), arrivals.maxDepth(), receiptsFor(lastTreeSeq), options.posts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            CompletableFuture.allOf(started.stream().map(BenchPeer::kill).toArray(CompletableFuture[]::new)).join();
            scheduler.shutdownNow();
            threads.close();
        }
    }

    /** The baseline has every follower send its receipt straight to the author, so the author takes them all. */
    private LinkSettings authorLink() {
        LinkSettings d = LinkSettings.defaults();
        return new LinkSettings(d.maxFrameBytes(), d.requestTimeout(), d.idleTimeout(),
                Math.max(d.maxInboundConnections(), options.followers() + 16), d.maxPendingPerConnection());
    }

    private List<BenchPeer> startOnline(ScheduledExecutorService scheduler, List<BenchPeer> started,
            LinkThreads threads) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < options.followers(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(options.seed()));
        int offline = (int) Math.round(options.followers() * options.offline());
        List<CompletableFuture<BenchPeer>> starting = new ArrayList<>();
        for (int i : order.subList(offline, order.size())) {
            starting.add(BenchPeer.start(String.format("follower_%04d", i), new MemoryLog(key.publicKey()),
                    arrivals, settings, (a, d, seq, names) -> { }, scheduler, LinkSettings.defaults(), threads));
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
            long start = System.nanoTime();
            FanoutReport report = send.apply(post, hops).join();
            arrivals.await(post.seq(), POST_LIMIT);
            if (i > 0) {
                phase.add(arrivals.latenciesMs(post.seq(), start), report.sent(), arrivals.reached(post.seq()));
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
