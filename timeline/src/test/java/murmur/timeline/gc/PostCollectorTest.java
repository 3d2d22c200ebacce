package murmur.timeline.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.post.PostStore;
import murmur.timeline.store.Database;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostCollectorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SigningKey key = SigningKey.generate();

    @Test
    void dropsOwnAndOthersPostsByTheirOwnLifespans(@TempDir Path dir) {
        TestClock clock = new TestClock(T0);
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            store.add(post("me", 1, T0), 0).join();
            store.add(post("other", 1, T0), 0).join();
            store.add(post("other", 2, T0.plus(Duration.ofMinutes(4))), 0).join();
            PostCollector gc = new PostCollector("me", store, clock, Duration.ofMinutes(10), Duration.ofMinutes(5));

            clock.advance(Duration.ofMinutes(4));
            assertThat(gc.collect().join()).isZero();

            clock.advance(Duration.ofMinutes(2));
            assertThat(gc.collect().join()).as("other#1 is 6 min old, past its 5 min").isEqualTo(1);
            assertThat(store.timeline(List.of("me", "other"), 10).join()).extracting(p -> p.author() + p.seq())
                    .containsExactly("other2", "me1");

            clock.advance(Duration.ofMinutes(5));
            assertThat(gc.collect().join()).isEqualTo(2);
            assertThat(store.timeline(List.of("me", "other"), 10).join()).isEmpty();
        }
    }

    @Test
    void deliveryReceiptsGoWithTheirPosts(@TempDir Path dir) {
        TestClock clock = new TestClock(T0);
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            store.add(post("me", 1, T0), 0).join();
            assertThat(store.markDelivered("me", Post.LEGACY_DEVICE, 1, "fan").join()).isEqualTo(1);
            assertThat(store.markDelivered("me", Post.LEGACY_DEVICE, 1, "fan").join()).as("a receipt counts once")
                    .isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            new PostCollector("me", store, clock, Duration.ofMinutes(1), Duration.ofMinutes(1)).collect().join();
            assertThat(store.deliveryCounts("me").join()).isEmpty();
        }
    }

    private Post post(String author, long seq, Instant at) {
        return Post.sign(key, author, seq, new byte[32], at, "post " + seq);
    }
}
