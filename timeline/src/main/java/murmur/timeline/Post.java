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
 * A signed post in one of its author's logs. Each device of an account keeps its own log ({@code device} is its id
 * from {@code devices/<author>}); a log's sequence numbers start at 1 and have no gaps, and {@code prevHash} is the
 * {@link #hash()} of post {@code seq - 1} of the same log (32 zero bytes for the first), so a follower can tell when
 * its copy of a log is incomplete. A device's posts are signed by its device key, which the account key certifies in
 * {@code devices/<author>}; the log {@link #LEGACY_DEVICE} holds the posts made before accounts had devices, signed
 * by the account key itself.
 *
 * @param author          the author's user name
 * @param device          the id of the device whose log this is, or {@link #LEGACY_DEVICE}
 * @param seq             sequence number within the device's log, from 1
 * @param prevHash        hash of the previous post of the same log
 * @param timestampMillis NTP-corrected creation time
 * @param text            the text, at most {@link murmur.config.TimelineSettings#maxPostChars()} code points
 * @param signature       Ed25519 signature by the device key (the account key for the legacy log)
 * @param ref             the post this one replies to, deletes, reposts or quotes, or null; only device logs have
 *                        references, and the signed bytes of a post with one are {@code murmur/post/v3}
 */
public record Post(String author, String device, long seq, byte[] prevHash, long timestampMillis, String text,
        byte[] signature, PostRef ref) {

    public static final int HASH_BYTES = 32;
    /** The log of posts signed by the account key itself: every post made before accounts had devices. */
    public static final String LEGACY_DEVICE = "0";
    private static final byte[] DOMAIN = "murmur/post/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEVICE_DOMAIN = "murmur/post/v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REF_DOMAIN = "murmur/post/v3".getBytes(StandardCharsets.US_ASCII);
    private static final int DEVICE_ID_CHARS = 16;

    public Post {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        if (!isDeviceId(device) || prevHash.length != HASH_BYTES || signature.length != Ed25519.SIGNATURE_BYTES
                || seq < 1 || ref != null && LEGACY_DEVICE.equals(device)) {
            throw new IllegalArgumentException("malformed post");
        }
        prevHash = prevHash.clone();
        signature = signature.clone();
    }

    /** A post that refers to no other. */
    public Post(String author, String device, long seq, byte[] prevHash, long timestampMillis, String text,
            byte[] signature) {
        this(author, device, seq, prevHash, timestampMillis, text, signature, null);
    }

    /** A post of the legacy log ({@link #LEGACY_DEVICE}), signed by the account key. */
    public Post(String author, long seq, byte[] prevHash, long timestampMillis, String text, byte[] signature) {
        this(author, LEGACY_DEVICE, seq, prevHash, timestampMillis, text, signature);
    }

    /** Whether {@code device} names a log: {@link #LEGACY_DEVICE} or a 16-character lower-case hex device id. */
    public static boolean isDeviceId(String device) {
        if (LEGACY_DEVICE.equals(device)) {
            return true;
        }
        return device != null && device.length() == DEVICE_ID_CHARS
                && device.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** Signs a new post of {@code device}'s log with that device's key. */
    public static Post sign(SigningKey deviceKey, String author, String device, long seq, byte[] prevHash, Instant at,
            String text) {
        return sign(deviceKey, author, device, seq, prevHash, at, text, null);
    }

    /** Signs a new post of {@code device}'s log that refers to another post ({@code ref} may be null). */
    public static Post sign(SigningKey deviceKey, String author, String device, long seq, byte[] prevHash, Instant at,
            String text, PostRef ref) {
        byte[] sig = deviceKey.sign(signedBytes(author, device, seq, prevHash, at.toEpochMilli(), text, ref));
        return new Post(author, device, seq, prevHash, at.toEpochMilli(), text, sig, ref);
    }

    /** Signs a new post of the legacy log with the account key. */
    public static Post sign(SigningKey key, String author, long seq, byte[] prevHash, Instant at, String text) {
        return sign(key, author, LEGACY_DEVICE, seq, prevHash, at, text);
    }

    /** Whether the signature verifies against the raw Ed25519 public key of its device (the account's for legacy). */
    public boolean verifies(byte[] signerPublicKey) {
        return Ed25519.verify(signerPublicKey, signedBytes(author, device, seq, prevHash, timestampMillis, text, ref),
                signature);
    }

    /** Whether this post belongs to the legacy log, signed by the account key. */
    public boolean legacy() {
        return LEGACY_DEVICE.equals(device);
    }

    /** Whether this post withdraws an earlier one of its author's (it has no text of its own). */
    public boolean isDelete() {
        return ref != null && ref.kind() == PostRef.Kind.DELETE;
    }

    /** Whether this post passes another on as it is (it has no text of its own). */
    public boolean isRepost() {
        return ref != null && ref.kind() == PostRef.Kind.REPOST;
    }

    /**
     * The post that replies, likes, threads, reposts and quotes of this one are about: for a repost, the original
     * it carries (the repost itself when the original is gone); else this post.
     */
    public Post subject() {
        return isRepost() && ref.original() != null ? ref.original() : this;
    }

    /** The same post without the original its reference carries: what a repost of it carries. */
    public Post withoutOriginal() {
        return ref == null || ref.original() == null ? this
                : new Post(author, device, seq, prevHash, timestampMillis, text, signature, ref.carrying(null));
    }

    /** Whether this post replies to another. */
    public boolean isReply() {
        return ref != null && ref.kind() == PostRef.Kind.REPLY;
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    /** SHA-256 of the signed bytes and the signature: what the next post's {@code prevHash} must be. */
    public byte[] hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(signedBytes(author, device, seq, prevHash, timestampMillis, text, ref));
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

    /**
     * The legacy log keeps the v1 bytes, so old posts still verify; a device's bytes name the device too (v2), and
     * those of a post with a reference end with it (v3).
     */
    private static byte[] signedBytes(String author, String device, long seq, byte[] prevHash, long at, String text,
            PostRef ref) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(192 + text.length() * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean legacy = LEGACY_DEVICE.equals(device);
            out.write(legacy ? DOMAIN : ref != null ? REF_DOMAIN : DEVICE_DOMAIN);
            byte[] name = author.getBytes(StandardCharsets.UTF_8);
            out.writeShort(name.length);
            out.write(name);
            if (!legacy) {
                out.write(device.getBytes(StandardCharsets.US_ASCII));
            }
            out.writeLong(seq);
            out.write(prevHash);
            out.writeLong(at);
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(body.length);
            out.write(body);
            if (ref != null) {
                out.writeByte(ref.kind().code());
                byte[] refAuthor = ref.author().getBytes(StandardCharsets.UTF_8);
                out.writeShort(refAuthor.length);
                out.write(refAuthor);
                byte[] refDevice = ref.device().getBytes(StandardCharsets.US_ASCII);
                out.writeByte(refDevice.length);
                out.write(refDevice);
                out.writeLong(ref.seq());
                out.write(ref.hash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Post p && author.equals(p.author) && device.equals(p.device) && seq == p.seq
                && timestampMillis == p.timestampMillis && text.equals(p.text) && Arrays.equals(prevHash, p.prevHash)
                && Arrays.equals(signature, p.signature) && Objects.equals(ref, p.ref);
    }

    @Override
    public int hashCode() {
        return Objects.hash(author, device, seq);
    }

    @Override
    public String toString() {
        return "Post[" + author + (legacy() ? "" : "/" + device) + "#" + seq + " at " + timestamp()
                + (ref == null ? "" : " " + ref) + "]";
    }
}
