package murmur.timeline.dissemination;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.Retry;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.post.PostStore;
import murmur.timeline.store.Database;
import murmur.transport.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that jumps from #1 to #1,000,000 (issue 14, item 6e): the author's peer serves well-signed, well-chained
 * posts for as long as it is asked, and its head says a million exist. One catch-up must stop at its bound.
 */
class CatchUpAttackTest {
    private static final long HEAD = 1_000_000;
    private static final FanoutSettings SETTINGS = new FanoutSettings(new Retry(1, Duration.ZERO, Duration.ZERO),
            Duration.ofMillis(10), 50, 100, 5);
    private final SigningKey key = SigningKey.generate();
    private final List<Post> log = new ArrayList<>();

    @Test
    void aHugeJumpInAnAuthorsLogIsFetchedOnlyUpToTheBoundPerRun(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            Intake intake = post -> store.after(post.author(), post.device(), Math.max(0, post.seq() - 2), 3)
                    .thenCompose(held -> SequenceRule.problem(post, held).isPresent() || !post.verifies(key.publicKey())
                            ? CompletableFuture.completedFuture(Outcome.REJECTED)
                            : store.add(post, 0).thenApply(added -> added ? Outcome.STORED : Outcome.DUPLICATE));
            assertThat(intake.accept(post(1)).join()).isEqualTo(Outcome.STORED);
            AtomicInteger pages = new AtomicInteger();
            CatchUp catchUp = new CatchUp((to, type, body) -> {
                pages.incrementAndGet();
                return CompletableFuture.completedFuture(serve(type, body));
            }, store, intake, directory(),
                    author -> CompletableFuture.completedFuture(Optional.of(Map.of(Post.LEGACY_DEVICE, HEAD))),
                    SETTINGS);

            CompletableFuture<Integer> run = catchUp.run("reader", Set.of("bob"));

            assertThat(run).as("one catch-up ends").succeedsWithin(Duration.ofSeconds(30));
            assertThat(run.join()).isPositive().isLessThanOrEqualTo(CatchUp.Limits.DEFAULT.maxPosts());
            assertThat(pages.get()).isLessThanOrEqualTo(CatchUp.Limits.DEFAULT.maxPages());
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).isEqualTo(1L + run.join());
            assertThat(catchUp.cut()).as("counted as cut").isEqualTo(1);
        }
    }

    private byte[] serve(int type, byte[] body) {
        assertThat(type).isEqualTo(LinkTypes.FETCH);
        FetchRequest request;
        try {
            request = FetchCodec.decodeRequest(body);
        } catch (MalformedInputException e) {
            throw new IllegalStateException(e);
        }
        long after = request.have().get(0).seq();
        List<Post> page = new ArrayList<>();
        for (long seq = after + 1; seq <= after + Math.max(1, request.limit()) && seq <= HEAD; seq++) {
            page.add(post(seq));
        }
        return FetchCodec.encode(new FetchPage(page, List.of(new LogPosition("bob", Post.LEGACY_DEVICE, HEAD))));
    }

    private synchronized Post post(long seq) {
        while (log.size() < seq) {
            byte[] prev = log.isEmpty() ? new byte[Post.HASH_BYTES] : log.get(log.size() - 1).hash();
            int n = log.size() + 1;
            log.add(Post.sign(key, "bob", n, prev, Instant.now().minusSeconds(3600), "post " + n));
        }
        return log.get((int) seq - 1);
    }

    private static PeerDirectory directory() {
        return new PeerDirectory() {
            @Override
            public CompletableFuture<List<String>> followersOf(String user) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<Optional<String>> onlineAddress(String user) {
                return CompletableFuture.completedFuture(Optional.of("127.0.0.1:7"));
            }
        };
    }

    @Test
    void aHoleLeftOpenByABoundedCatchUpIsNotFilledAgainAtOnce(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            Intake storing = post -> store.add(post, 0).thenApply(added -> added ? Outcome.STORED : Outcome.DUPLICATE);
            AtomicInteger runs = new AtomicInteger();
            MutableClock clock = new MutableClock();
            GapWatch watch = new GapWatch(storing, store, () -> Optional.of("reader"), (user, authors) -> {
                runs.incrementAndGet();
                return CompletableFuture.completedFuture(0);
            }, clock);
            watch.accept(post(1)).join();

            watch.accept(post(1000)).join();
            waitAtMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
            waitAtMost(Duration.ofSeconds(5)).until(() -> {
                watch.accept(post(1001 + runs.get() + (int) watch.paced())).join();
                return watch.paced() > 0;
            });
            assertThat(runs.get()).as("the hole is still open, and the last catch-up was just now").isEqualTo(1);

            clock.advance(GapWatch.PAUSE);
            watch.accept(post(1100)).join();
            waitAtMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        }
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
