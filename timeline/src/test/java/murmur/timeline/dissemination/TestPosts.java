package murmur.timeline.dissemination;

import java.time.Instant;
import murmur.dht.SigningKey;
import murmur.timeline.Post;

/** An author's signed log for tests. */
final class TestPosts {
    final SigningKey key = SigningKey.generate(SigningKey.deterministicRandom(7));
    private Post last;

    Post next(String author) {
        long seq = last == null ? 1 : last.seq() + 1;
        byte[] prev = last == null ? new byte[Post.HASH_BYTES] : last.hash();
        last = Post.sign(key, author, seq, prev, Instant.ofEpochSecond(1_700_000_000L + seq), "post " + seq);
        return last;
    }
}
