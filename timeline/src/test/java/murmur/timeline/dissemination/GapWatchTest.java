package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.post.PostStore;
import murmur.timeline.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapWatchTest {
    private final SigningKey key = SigningKey.generate();

    @Test
    void aPostLandingAfterAHoleStartsOneCatchUpOnThatAuthor(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            List<Set<String>> asked = new CopyOnWriteArrayList<>();
            Intake storing = post -> store.add(post, 0).thenApply(added -> added ? Outcome.STORED : Outcome.DUPLICATE);
            GapWatch watch = new GapWatch(storing, store, () -> Optional.of("reader"), (user, authors) -> {
                asked.add(authors);
                return CompletableFuture.completedFuture(0);
            }, Clock.systemUTC());

            assertThat(watch.accept(post(1)).join()).isEqualTo(Outcome.STORED);
            assertThat(watch.accept(post(2)).join()).isEqualTo(Outcome.STORED);
            assertThat(watch.accept(post(4)).join()).isEqualTo(Outcome.STORED);
            waitAtMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
            assertThat(asked).containsExactly(Set.of("bob"));

            watch.accept(post(3)).join();
            watch.accept(post(5)).join();
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).isEqualTo(5);
            assertThat(asked).as("no hole any more, no more catch-ups").hasSize(1);
        }
    }

    private Post post(long seq) {
        return Post.sign(key, "bob", seq, new byte[32], Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), "p");
    }
}
