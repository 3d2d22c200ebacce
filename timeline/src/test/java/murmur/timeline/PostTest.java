package murmur.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import murmur.dht.SigningKey;
import org.junit.jupiter.api.Test;

class PostTest {
    private final SigningKey key = SigningKey.generate();
    private final Post post = Post.sign(key, "alice", 1, new byte[32], Instant.parse("2026-01-01T00:00:00Z"), "hi");

    @Test
    void verifiesAgainstItsAuthorsKeyOnly() {
        assertThat(post.verifies(key.publicKey())).isTrue();
        assertThat(post.verifies(SigningKey.generate().publicKey())).isFalse();
    }

    @Test
    void everyFieldIsCoveredByTheSignature() {
        byte[] sig = post.signature();
        assertThat(new Post("bob", 1, new byte[32], post.timestampMillis(), "hi", sig).verifies(key.publicKey()))
                .isFalse();
        assertThat(new Post("alice", 2, new byte[32], post.timestampMillis(), "hi", sig).verifies(key.publicKey()))
                .isFalse();
        assertThat(new Post("alice", 1, new byte[32], post.timestampMillis() + 1, "hi", sig)
                .verifies(key.publicKey())).isFalse();
        byte[] prev = new byte[32];
        prev[0] = 1;
        assertThat(new Post("alice", 1, prev, post.timestampMillis(), "hi", sig).verifies(key.publicKey())).isFalse();
    }

    @Test
    void theHashChainsPostsAndChangesWithAnyByte() {
        Post next = Post.sign(key, "alice", 2, post.hash(), Instant.parse("2026-01-01T00:01:00Z"), "again");
        assertThat(next.prevHash()).isEqualTo(post.hash()).hasSize(Post.HASH_BYTES);
        assertThat(next.hash()).isNotEqualTo(post.hash());
    }

    @Test
    void malformedPostsCannotBeBuilt() {
        assertThatThrownBy(() -> new Post("a", 0, new byte[32], 0, "x", new byte[64]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Post("a", 1, new byte[31], 0, "x", new byte[64]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Post("a", 1, new byte[32], 0, "x", new byte[63]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
