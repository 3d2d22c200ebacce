package murmur.timeline.post;

import java.nio.charset.StandardCharsets;
import murmur.dht.SigningKey;
import murmur.transport.Ed25519;
import murmur.transport.WireWriter;

/**
 * A follower's signed word that it holds a post: its user key's signature over (author, seq, the post's hash, its
 * own name). Receipts carry these up the dissemination tree, and the author counts a follower only when its
 * signature checks against the follower's pinned key, so nobody can report a delivery for someone else, nor
 * carry a signature over to another post.
 */
public final class Holding {
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_BYTES;
    private static final byte[] DOMAIN = "murmur/holding/v1".getBytes(StandardCharsets.US_ASCII);

    private Holding() {}

    public static byte[] sign(SigningKey holderKey, String author, long seq, byte[] postHash, String holder) {
        return holderKey.sign(signedBytes(author, seq, postHash, holder));
    }

    /** Whether {@code signature} is {@code holder}'s, whose raw public key is {@code holderKey}. */
    public static boolean verifies(byte[] holderKey, String author, long seq, byte[] postHash, String holder,
            byte[] signature) {
        return Ed25519.verify(holderKey, signedBytes(author, seq, postHash, holder), signature);
    }

    private static byte[] signedBytes(String author, long seq, byte[] postHash, String holder) {
        return new WireWriter().raw(DOMAIN).text(author).i64(seq).raw(postHash).text(holder).toBytes();
    }
}
