package murmur.timeline.dissemination;

import murmur.timeline.Post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.post.PostWire;
import murmur.timeline.presence.PeerAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signed receipts are larger: a hop with many holders sends them up in messages that fit a link frame. */
class ReceiptBatchTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Queue<ReceiptMessage> sent = new ConcurrentLinkedQueue<>();

    @AfterEach
    void close() {
        scheduler.shutdownNow();
    }

    @Test
    void tenThousandHoldersGoUpInThreeMessagesOfAtMostMaxHoldersEachUnderAMebibyte() {
        Receipts receipts = new Receipts((to, type, body) -> {
            assertThat(body.length).isLessThan(1 << 20);
            try {
                sent.add(ReceiptCodec.decode(body));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(new byte[0]);
        }, scheduler, Duration.ofMillis(5));
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
}
