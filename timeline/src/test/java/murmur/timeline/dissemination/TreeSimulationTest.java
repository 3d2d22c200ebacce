package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import murmur.timeline.Post;
import murmur.timeline.link.Retry;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.testing.MemoryLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TreeSimulationTest {
    private final SimulatedNet net = new SimulatedNet();
    private final TestPosts posts = new TestPosts();
    private final Map<String, MemoryLog> logs = new HashMap<>();

    @AfterEach
    void close() {
        net.close();
    }

    private Relay setUp(int followers) {
        Relay author = net.add("alice", p -> CompletableFuture.failedFuture(new IllegalStateException("author")));
        for (String f : names(followers)) {
            MemoryLog log = new MemoryLog(posts.key.publicKey());
            logs.put(f, log);
            net.add(f, log);
        }
        return author;
    }

    private static List<String> names(int n) {
        return IntStream.range(0, n).mapToObj(i -> "f" + i).toList();
    }

    @Test
    void theAuthorSendsTwoCopiesAndEveryFollowerIsReachedWithinLogDepth() {
        Relay author = setUp(100);
        Post post = posts.next("alice");
        FanoutReport report = author.publish(post, net.hops(names(100))).join();

        assertThat(report).isEqualTo(new FanoutReport(2, 0));
        await().until(() -> logs.values().stream().allMatch(l -> l.has(1)));
        assertThat(net.depths.values().stream().mapToInt(d -> d).max().orElseThrow()).isEqualTo(6);
        assertThat(net.attempts).as("one push each").hasSize(100).allSatisfy((name, n) -> assertThat(n).isOne());
    }

    @Test
    void aDegreeFourTreeReachesEveryFollowerOnceFromFourCopiesAndReceiversForwardWithTheAuthorsDegree() {
        Relay author = setUp(100);
        Post post = posts.next("alice");
        FanoutReport report = author.publish(post, net.hops(names(100)), 4).join();

        assertThat(report).isEqualTo(new FanoutReport(4, 0));
        await().until(() -> logs.values().stream().allMatch(l -> l.has(1)));
        assertThat(net.depths.values().stream().mapToInt(d -> d).max().orElseThrow())
                .as("100 followers below the author in a 4-ary heap: 4 + 16 + 64 + 16").isEqualTo(4);
        assertThat(net.depths.get("f3")).isEqualTo(1);
        assertThat(net.depths.get("f4")).as("entry 5, the first child of f0").isEqualTo(2);
        assertThat(net.attempts).as("one push each").hasSize(100).allSatisfy((name, n) -> assertThat(n).isOne());
        await().until(() -> net.receipts.getOrDefault("alice#1", java.util.Set.of()).size() == 100);
    }

    @Test
    void inADegreeFourTreeADeadChildsFourChildrenAreAdopted() {
        Relay author = setUp(30);
        net.kill("f0");

        FanoutReport report = author.publish(posts.next("alice"), net.hops(names(30)), 4).join();

        assertThat(report).as("f0 to f3, then dead f0's children f4 to f7").isEqualTo(new FanoutReport(8, 1));
        await().until(() -> names(30).stream().filter(n -> !n.equals("f0")).allMatch(n -> logs.get(n).has(1)));
        assertThat(net.depths.get("f4")).as("adopted by the author, sent as f0's child").isEqualTo(1);
        assertThat(net.depths.get("f20")).as("entry 21, a child of f4 (entry 5)").isEqualTo(2);
    }

    @Test
    void aDeadChildIsTriedThreeTimesAndItsChildrenAreAdoptedSoItsSubtreeStillReceives() {
        Relay author = setUp(30);
        List<String> order = names(30);
        net.kill("f0");
        net.kill("f3");

        FanoutReport report = author.publish(posts.next("alice"), net.hops(order)).join();

        assertThat(report).as("f0 and f1; f0's children f2 and f3; dead f3's children f8 and f9")
                .isEqualTo(new FanoutReport(6, 2));
        await().until(() -> order.stream().filter(n -> !n.equals("f0") && !n.equals("f3"))
                .allMatch(n -> logs.get(n).has(1)));
        assertThat(net.attempts.get("f0")).isEqualTo(3);
        assertThat(net.attempts.get("f3")).isEqualTo(3);
    }

    @Test
    void receiptsReachTheAuthorHopByHopForEveryFollowerThatHoldsThePost() {
        Relay author = setUp(20);
        net.kill("f5");
        author.publish(posts.next("alice"), net.hops(names(20))).join();

        List<String> expected = new ArrayList<>(names(20));
        expected.remove("f5");
        await().until(() -> net.receipts.getOrDefault("alice#1", java.util.Set.of()).size() == 19);
        assertThat(net.receipts.get("alice#1")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withNoOneFailingEachFollowerSendsOneReceiptMessageAndEveryReceiptReachesTheAuthor() {
        // A linger of 100 ms: a hop at depth 1 of this depth-6 tree waits up to 600 ms for its subtree, far more than
        // the in-memory push takes to reach every leaf even on a loaded machine.
        try (SimulatedNet slow = new SimulatedNet(new FanoutSettings(new Retry(3, Duration.ZERO, Duration.ZERO),
                Duration.ofMillis(100), 10, 100, 5))) {
            Relay author = slow.add("alice", p -> CompletableFuture.failedFuture(new IllegalStateException("author")));
            for (String f : names(100)) {
                slow.add(f, new MemoryLog(posts.key.publicKey()));
            }
            author.publish(posts.next("alice"), slow.hops(names(100))).join();

            await().until(() -> slow.receipts.getOrDefault("alice#1", java.util.Set.of()).size() == 100);
            assertThat(slow.receipts.get("alice#1")).containsExactlyInAnyOrderElementsOf(names(100));
            assertThat(slow.receiptMessages).as("each hop's batch waited for its subtree's").hasValue(100);
        }
    }

    @Test
    void aRelayPassesACheckedPostOnBeforeItsOwnWriteIsDoneAndAnswersItsParentOnlyAfterIt() {
        Relay author = net.add("alice", p -> CompletableFuture.failedFuture(new IllegalStateException("author")));
        CompletableFuture<Outcome> f0Write = new CompletableFuture<>();
        net.add("f0", new Intake() {
            @Override
            public CompletableFuture<Outcome> accept(Post post) {
                return f0Write;
            }

            @Override
            public CompletableFuture<Outcome> accept(Post post, Runnable checked) {
                checked.run();
                return f0Write;
            }
        });
        for (String f : names(7).subList(1, 7)) {
            MemoryLog log = new MemoryLog(posts.key.publicKey());
            logs.put(f, log);
            net.add(f, log);
        }

        CompletableFuture<FanoutReport> sent = author.publish(posts.next("alice"), net.hops(names(7)));

        await().until(() -> logs.get("f2").has(1) && logs.get("f3").has(1) && logs.get("f6").has(1));
        assertThat(sent).as("f0 has not answered: its write is not done").isNotDone();
        f0Write.complete(Outcome.STORED);
        assertThat(sent).succeedsWithin(java.time.Duration.ofSeconds(5)).isEqualTo(new FanoutReport(2, 0));
    }

    @Test
    void theUnicastBaselineReachesEveryFollowerWithOneCopyEachAndCountsTheirSignedReceipts() {
        Relay author = setUp(12);
        FanoutReport report = author.sendEach(posts.next("alice"), net.hops(names(12))).join();

        assertThat(report.sent()).isEqualTo(12);
        assertThat(net.depths).hasSize(12).allSatisfy((name, depth) -> assertThat(depth).isOne());
        await().until(() -> net.receipts.getOrDefault("alice#1", java.util.Set.of()).size() == 12);
        assertThat(net.receipts.get("alice#1")).containsExactlyInAnyOrderElementsOf(names(12));
    }

    @Test
    void aForgedPostIsDroppedAtTheFirstHopAndNeverRelayed() {
        setUp(10);
        Post genuine = posts.next("alice");
        Post forged = new Post("alice", genuine.seq(), genuine.prevHash(), genuine.timestampMillis(),
                "something alice never said", genuine.signature());
        byte[] push = PushCodec.encode(new PushMessage(forged, 1, "127.0.0.1:1", net.hops(names(10))));

        CompletableFuture<byte[]> answer = net.relay("f0").onPush(null, push);

        assertThat(answer).failsWithin(java.time.Duration.ofSeconds(5));
        assertThat(logs.values()).noneMatch(l -> l.has(1));
        assertThat(net.attempts).as("nothing relayed").isEmpty();
    }

    @Test
    void aPushNamingADegreeAboveSixteenIsRefusedAsMalformedAndNeverRelayed() {
        setUp(10);
        byte[] wide = PushCodec.encode(new PushMessage(posts.next("alice"), 1, "127.0.0.1:1", net.hops(names(10)),
                16));
        wide[wide.length - 1] = 17;

        CompletableFuture<byte[]> answer = net.relay("f0").onPush(null, wide);

        assertThat(answer).failsWithin(java.time.Duration.ofSeconds(5)).withThrowableThat()
                .withMessageContaining("malformed push").withMessageContaining("degree");
        assertThat(logs.values()).noneMatch(l -> l.has(1));
        assertThat(net.attempts).as("nothing relayed").isEmpty();
    }

    @Test
    void theSamePushTwiceIsADuplicateAndIsNotRelayedAgain() {
        Relay author = setUp(7);
        Post post = posts.next("alice");
        author.publish(post, net.hops(names(7))).join();
        await().until(() -> logs.values().stream().allMatch(l -> l.has(1)));
        net.attempts.clear();

        author.publish(post, net.hops(names(7))).join();

        assertThat(net.attempts).as("f0 and f1 answer duplicate and relay nothing").containsOnlyKeys("f0", "f1");
    }
}
