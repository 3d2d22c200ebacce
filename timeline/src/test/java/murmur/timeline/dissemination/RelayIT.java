package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.testing.Arrivals;
import murmur.timeline.testing.BenchPeer;
import murmur.timeline.testing.MemoryLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tree over real sockets on loopback, with a follower in the middle killed abruptly. */
class RelayIT {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SigningKey key = SigningKey.generate();
    private final Arrivals arrivals = new Arrivals();
    private final List<BenchPeer> peers = new ArrayList<>();
    private final List<MemoryLog> logs = new ArrayList<>();

    @AfterEach
    void stop() {
        peers.forEach(p -> p.kill().join());
        scheduler.shutdownNow();
    }

    @Test
    void aFollowerKilledInTheMiddleOfTheTreeDoesNotStopItsSubtreeFromReceiving() {
        BenchPeer author = start(SimulatedNet.FAST, 15);
        List<BenchPeer> followers = peers.subList(1, peers.size());
        List<Hop> order = BenchPeer.hops(followers);
        Post first = Post.sign(key, "alice", 1, new byte[Post.HASH_BYTES], Instant.now(), "before");
        author.relay().publish(first, order).join();
        await().until(() -> logs.stream().allMatch(l -> l.has(1)));

        followers.get(1).kill().join();
        Post second = Post.sign(key, "alice", 2, first.hash(), Instant.now(), "after f1 died");
        FanoutReport report = author.relay().publish(second, order).join();

        assertThat(report.failed()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.stream().filter(l -> l != logs.get(1))
                .allMatch(l -> l.has(2)));
        assertThat(logs.get(1).has(2)).isFalse();
    }

    @Test
    void anAuthorWhoseSettingsSayDegreeFourSendsFourCopiesAndEveryFollowerForwardsToFour() {
        FanoutSettings wide = new FanoutSettings(SimulatedNet.FAST.hopRetry(), SimulatedNet.FAST.receiptLinger(),
                SimulatedNet.FAST.pageSize(), SimulatedNet.FAST.recentPosts(), SimulatedNet.FAST.maxSources(), 4);
        BenchPeer author = start(wide, 30);
        List<BenchPeer> followers = peers.subList(1, peers.size());
        List<Hop> order = BenchPeer.hops(followers);
        Post first = Post.sign(key, "alice", 1, new byte[Post.HASH_BYTES], Instant.now(), "wide");
        arrivals.expect(1, 30);

        FanoutReport report = author.relay().publish(first, order).join();

        assertThat(report).isEqualTo(new FanoutReport(4, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.stream().allMatch(l -> l.has(1)));
        assertThat(arrivals.maxDepth(1)).as("31 entries of a 4-ary heap: 1 + 4 + 16 + 10").isEqualTo(3);

        followers.get(1).kill().join();
        Post second = Post.sign(key, "alice", 2, first.hash(), Instant.now(), "after f1 died");
        FanoutReport after = author.relay().publish(second, order).join();

        assertThat(after).as("f0 to f3, then dead f1's four children").isEqualTo(new FanoutReport(8, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.stream().filter(l -> l != logs.get(1))
                .allMatch(l -> l.has(2)));
    }

    /** The author alice on {@code authorSettings}, and {@code count} followers f0, f1, ... each with a log. */
    private BenchPeer start(FanoutSettings authorSettings, int count) {
        BenchPeer author = BenchPeer.start("alice", p -> CompletableFuture.failedFuture(new IllegalStateException()),
                arrivals, authorSettings, (a, d, s, n) -> { }, scheduler).join();
        peers.add(author);
        for (int i = 0; i < count; i++) {
            MemoryLog log = new MemoryLog(key.publicKey());
            logs.add(log);
            peers.add(BenchPeer.start("f" + i, log, arrivals, SimulatedNet.FAST, (a, d, s, n) -> { }, scheduler)
                    .join());
        }
        return author;
    }
}
