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
            for (long seq : new long[] {4, 5, 6, 8, 9}) {
                store.add(post(seq), 0).join();
            }
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).as("4-6 held, 7 missing").isEqualTo(6);
            assertThat(store.heads("bob").join()).containsExactly(Map.entry(Post.LEGACY_DEVICE, 9L));
            store.add(post(7), 0).join();
            assertThat(store.contiguousSeq("bob", Post.LEGACY_DEVICE).join()).isEqualTo(9);
        }
    }

    private Post post(long seq) {
        return Post.sign(key, "bob", seq, new byte[32], Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), "p");
    }
}
