package murmur.timeline.post;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostStoreTest {
    private final SigningKey key = SigningKey.generate();

    @Test
    void theContiguousRunEndsBeforeTheFirstHole(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).isZero();
            long base = PostStore.YOUNG_LOG;
            for (long seq : new long[] {base + 4, base + 5, base + 6, base + 8, base + 9}) {
                store.add(post(seq), 0).join();
            }
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join())
                    .as("older posts collected or never wanted; 7 missing").isEqualTo(base + 6);
            assertThat(store.heads("bob").join()).containsExactly(Map.entry(Post.LEGACY_DEVICE, base + 9));
            store.add(post(base + 7), 0).join();
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).isEqualTo(base + 9);
        }
    }

    @Test
    void aYoungLogIsExpectedWholeFromItsFirstPost(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            store.add(post(2), 0).join();
            store.add(post(3), 0).join();
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).as("#1 missing").isZero();
            store.add(post(1), 0).join();
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).isEqualTo(3);
        }
    }

    private Post post(long seq) {
        return Post.sign(key, "bob", seq, new byte[32], Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), "p");
    }
}
