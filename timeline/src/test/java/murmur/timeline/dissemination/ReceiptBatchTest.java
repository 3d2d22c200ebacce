package murmur.timeline.dissemination;

import murmur.timeline.Post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import murmur.dht.SigningKey;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.post.Holding;
import murmur.timeline.post.PostWire;
import murmur.timeline.presence.PeerAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signed receipts are larger: a hop with many holders sends them up in messages that fit a link frame. A hop's own
 * receipt is signed as its batch leaves, off the push's way down.
 */
class ReceiptBatchTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Queue<ReceiptMessage> sent = new ConcurrentLinkedQueue<>();

    @AfterEach
    void close() {
        scheduler.shutdownNow();
    }

    @Test
    void tenThousandHoldersGoUpInThreeMessagesOfAtMostMaxHoldersEachUnderAMebibyte() {
        Receipts receipts = receipts(Duration.ofMillis(5));
        List<PeerAddress> parent = PeerAddresses.parseAll("127.0.0.1:4000");
        String longName = "n".repeat(PostWire.MAX_NAME_BYTES - 5);
        List<Held> holders = IntStream.range(0, 10_000)
                .mapToObj(i -> new Held(longName + String.format("%05d", i), new byte[64])).toList();

        receipts.add(parent, "alice", Post.LEGACY_DEVICE, 1, holders);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.stream().mapToInt(m -> m.holders().size()).sum()
                == 10_000);
        assertThat(sent).hasSize(3).allSatisfy(m -> assertThat(m.holders()).hasSizeLessThanOrEqualTo(
                ReceiptCodec.MAX_HOLDERS));
    }

    @Test
    void aPeersOwnReceiptIsSignedOnlyAsItsBatchLeavesAndGoesUpWithItsChildrensInOneMessage()
            throws InterruptedException {
        SigningKey bobKey = SigningKey.generate(SigningKey.deterministicRandom(7));
        AtomicInteger signatures = new AtomicInteger();
        Holder bob = new Holder("bob", p -> {
            signatures.incrementAndGet();
            return Holding.sign(bobKey, p.author(), p.seq(), p.hash(), "bob");
        });
        Post post = new TestPosts().next("alice");
        Receipts receipts = receipts(Duration.ZERO);
        CountDownLatch gate = new CountDownLatch(1);
        // The scheduler's one thread waits at the gate: the batch cannot leave until the test opens it.
        scheduler.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<PeerAddress> parent = PeerAddresses.parseAll("127.0.0.1:4000");

        receipts.addOwn(parent, post, bob, 2, 1);
        receipts.add(parent, post.author(), post.device(), post.seq(), List.of(new Held("carol", new byte[64])));

        assertThat(signatures).hasValue(0);
        assertThat(sent).isEmpty();
        gate.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
        ReceiptMessage up = sent.peek();
        assertThat(up.holders()).extracting(Held::name).containsExactly("bob", "carol");
        assertThat(Holding.verifies(bobKey.publicKey(), "alice", post.seq(), post.hash(), "bob",
                up.holders().get(0).signature())).isTrue();
        assertThat(signatures).hasValue(1);
    }

    @Test
    void aBatchWaitsPastItsLingerForTheWholeSubtreeAndLeavesAsOneMessageOnceTheLastIsIn() throws Exception {
        Post post = new TestPosts().next("alice");
        Duration linger = Duration.ofMillis(50);
        Receipts receipts = receipts(linger);
        List<PeerAddress> parent = PeerAddresses.parseAll("127.0.0.1:4000");

        receipts.addOwn(parent, post, holder("bob"), 3, 30);
        receipts.add(parent, post.author(), post.device(), post.seq(), List.of(new Held("carol", new byte[64])));
        // The scheduler's one thread runs tasks in time order: once this one has run, so has the batch's linger.
        scheduler.schedule(() -> { }, linger.toMillis(), TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);

        assertThat(sent).as("dave is still missing").isEmpty();
        receipts.add(parent, post.author(), post.device(), post.seq(), List.of(new Held("dave", new byte[64])));
        await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
        assertThat(sent).hasSize(1);
        assertThat(sent.peek().holders()).extracting(Held::name).containsExactly("bob", "carol", "dave");
    }

    @Test
    void aPeerBelowThatNeverAnswersHoldsTheBatchForALingerPerLevelAndNoLonger() {
        Post post = new TestPosts().next("alice");
        Receipts receipts = receipts(Duration.ofMillis(40));
        List<PeerAddress> parent = PeerAddresses.parseAll("127.0.0.1:4000");
        long start = System.nanoTime();

        receipts.addOwn(parent, post, holder("bob"), 3, 1);
        receipts.add(parent, post.author(), post.device(), post.seq(), List.of(new Held("carol", new byte[64])));

        await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a linger for bob, one for the level below")
                .isGreaterThanOrEqualTo(Duration.ofMillis(80));
        assertThat(sent.peek().holders()).extracting(Held::name).containsExactly("bob", "carol");
    }

    @Test
    void receiptsArrivingAfterTheBatchLeftGoUpInANewBatchAfterTheLinger() {
        Post post = new TestPosts().next("alice");
        Receipts receipts = receipts(Duration.ofMillis(5));
        List<PeerAddress> parent = PeerAddresses.parseAll("127.0.0.1:4000");

        receipts.addOwn(parent, post, holder("bob"), 1, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        receipts.add(parent, post.author(), post.device(), post.seq(), List.of(new Held("erin", new byte[64])));

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(sent).extracting(m -> m.holders().get(0).name()).containsExactly("bob", "erin");
    }

    private static Holder holder(String name) {
        SigningKey key = SigningKey.generate(SigningKey.deterministicRandom(name.hashCode()));
        return Holder.of(name, key);
    }

    /** Receipts whose messages are decoded into {@link #sent}, each batch leaving {@code linger} after its first. */
    private Receipts receipts(Duration linger) {
        return new Receipts((to, type, body) -> {
            assertThat(body.length).isLessThan(1 << 20);
            try {
                sent.add(ReceiptCodec.decode(body));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(new byte[0]);
        }, scheduler, linger);
    }
}
