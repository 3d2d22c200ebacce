package murmur.timeline;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import murmur.dht.SigningKey;
import murmur.transport.Ed25519;

/**
 * A signed post. The author's sequence numbers start at 1 and have no gaps; {@code prevHash} is the {@link #hash()}
 * of post {@code seq - 1} (32 zero bytes for the first), so a follower can tell when its copy of a log is incomplete.
 * The signature covers every other field and is checked against the author's key from {@code user/<author>}.
 *
 * @param author          the author's user name
 * @param seq             per-author sequence number, from 1
 * @param prevHash        hash of the author's previous post
 * @param timestampMillis NTP-corrected creation time
 * @param text            the text, at most {@link murmur.config.TimelineSettings#maxPostChars()} code points
 * @param signature       Ed25519 signature by the author's user key
 */
public record Post(String author, long seq, byte[] prevHash, long timestampMillis, String text, byte[] signature) {

    public static final int HASH_BYTES = 32;
    private static final byte[] DOMAIN = "murmur/post/v1".getBytes(StandardCharsets.US_ASCII);

    public Post {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        if (prevHash.length != HASH_BYTES || signature.length != Ed25519.SIGNATURE_BYTES || seq < 1) {
            throw new IllegalArgumentException("malformed post");
        }
        prevHash = prevHash.clone();
        signature = signature.clone();
    }

    /** Signs a new post. */
    public static Post sign(SigningKey key, String author, long seq, byte[] prevHash, Instant at, String text) {
        byte[] sig = key.sign(signedBytes(author, seq, prevHash, at.toEpochMilli(), text));
        return new Post(author, seq, prevHash, at.toEpochMilli(), text, sig);
    }

    /** Whether the signature verifies against the author's raw Ed25519 public key. */
    public boolean verifies(byte[] authorPublicKey) {
        return Ed25519.verify(authorPublicKey, signedBytes(author, seq, prevHash, timestampMillis, text), signature);
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    /** SHA-256 of the signed bytes and the signature: what the next post's {@code prevHash} must be. */
    public byte[] hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(signedBytes(author, seq, prevHash, timestampMillis, text));
            return sha.digest(signature);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    private static byte[] signedBytes(String author, long seq, byte[] prevHash, long at, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + text.length() * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(DOMAIN);
            byte[] name = author.getBytes(StandardCharsets.UTF_8);
            out.writeShort(name.length);
            out.write(name);
            out.writeLong(seq);
            out.write(prevHash);
            out.writeLong(at);
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Post p && author.equals(p.author) && seq == p.seq && timestampMillis == p.timestampMillis
                && text.equals(p.text) && Arrays.equals(prevHash, p.prevHash) && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(author, seq);
    }

    @Override
    public String toString() {
        return "Post[" + author + "#" + seq + " at " + timestamp() + "]";
    }
}
