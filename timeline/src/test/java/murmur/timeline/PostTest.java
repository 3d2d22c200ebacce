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
    void theReferenceIsCoveredByTheSignatureAndTheHash() {
        String phone = "0123456789abcdef";
        Post parent = Post.sign(key, "bob", phone, 1, new byte[32], Instant.parse("2026-01-01T00:00:00Z"), "q");
        Post reply = Post.sign(key, "alice", phone, 1, new byte[32], Instant.parse("2026-01-01T00:01:00Z"), "a",
                PostRef.to(PostRef.Kind.REPLY, parent));
        assertThat(reply.verifies(key.publicKey())).isTrue();
        assertThat(reply.isReply()).isTrue();
        assertThat(reply.ref().names(parent)).isTrue();

        Post other = Post.sign(key, "bob", phone, 2, parent.hash(), Instant.parse("2026-01-01T00:00:30Z"), "q2");
        Post moved = new Post(reply.author(), reply.device(), reply.seq(), reply.prevHash(), reply.timestampMillis(),
                reply.text(), reply.signature(), PostRef.to(PostRef.Kind.REPLY, other));
        assertThat(moved.verifies(key.publicKey())).as("pointed at another post").isFalse();
        Post stripped = new Post(reply.author(), reply.device(), reply.seq(), reply.prevHash(),
                reply.timestampMillis(), reply.text(), reply.signature());
        assertThat(stripped.verifies(key.publicKey())).as("reference removed").isFalse();
        assertThat(stripped.hash()).isNotEqualTo(reply.hash());
        assertThatThrownBy(() -> new Post("alice", Post.LEGACY_DEVICE, 1, new byte[32], 0, "x", new byte[64],
                reply.ref())).as("the legacy log has no references").isInstanceOf(IllegalArgumentException.class);
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
