package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import murmur.timeline.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Anyone who can reach the author's peer may send it a receipt. These try to make the author count followers who
 * never received the post ("received by N" inflated up to the follower count).
 */
class ForgedReceiptAttackTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TestPosts posts = new TestPosts();
    private final Set<String> counted = ConcurrentHashMap.newKeySet();
    private final Queue<String> deliveries = new ConcurrentLinkedQueue<>();
    private final ReceiptFixture keys = new ReceiptFixture();
    private final List<String> followers = IntStream.range(0, 5).mapToObj(i -> "f" + i).toList();
    private Relay author;
    private Post post;

    @AfterEach
    void close() {
        scheduler.shutdownNow();
    }

    /** Alice posts to five followers; none of them answers, so nobody holds the post. */
    private void publish() {
        author = keys.author(scheduler, (a, device, seq, names) -> {
            deliveries.addAll(names);
            counted.addAll(names);
        });
        post = posts.next("alice");
        List<Hop> tree = followers.stream().map(f -> new Hop(f, "127.0.0.1:" + (30_000 + f.hashCode() % 100)))
                .toList();
        author.publish(post, tree).join();
    }

    @Test
    void aReceiptNamingEveryFollowerFromSomeoneWhoIsNoneOfThemCountsNobody() {
        publish();

        byte[] forged = keys.receiptSignedBy("mallory", post, followers);
        assertThat(author.onReceipt(null, forged)).succeedsWithin(Duration.ofSeconds(5));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(counted::isEmpty);
    }

    @Test
    void aFollowerWhoHoldsThePostIsCountedButNotTheOthersItNamesWithItsOwnKey() {
        publish();

        // f0 really holds it and signs for itself, then signs for f1..f4 with its own key too.
        byte[] inflated = keys.receiptSignedBy("f0", post, followers);
        assertThat(author.onReceipt(null, inflated)).succeedsWithin(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5)).until(() -> counted.contains("f0"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> counted.equals(Set.of("f0")));
    }

    @Test
    void aGenuineReceiptReplayedForAnotherPostCountsNobody() {
        publish();
        Post other = posts.next("alice");
        author.publish(other, followers.stream().map(f -> new Hop(f, "127.0.0.1:1")).toList()).join();

        // Each follower's real signature, but over alice#1: replayed as a receipt for alice#2.
        byte[] replayed = keys.genuineReceipt(post, other.seq(), followers);
        assertThat(author.onReceipt(null, replayed)).succeedsWithin(Duration.ofSeconds(5));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(counted::isEmpty);
    }

    @Test
    void genuineReceiptsStillCountEveryHolderOnceAndAHolderSigningForItselfThroughAnyHopCounts() {
        publish();

        byte[] real = keys.genuineReceipt(post, post.seq(), followers);
        assertThat(author.onReceipt(null, real)).succeedsWithin(Duration.ofSeconds(5));
        assertThat(author.onReceipt(null, keys.receiptSignedBy("f3", post, List.of("f3"))))
                .succeedsWithin(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5)).until(() -> counted.containsAll(followers));
        assertThat(deliveries).as("f3 is not counted twice").hasSize(followers.size());
        assertThat(author.counters().count(RouteCounters.Kind.FORGED_RECEIPT)).isZero();
    }
}
