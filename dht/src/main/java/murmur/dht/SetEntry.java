package murmur.dht;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import murmur.transport.Ed25519;

/**
 * One writer's entry in a multi-writer set (followers of a user, notifications for a user). Each writer holds at most
 * one entry per set and alone may replace it (higher sequence number) or tombstone it. The signed {@code nonce} is
 * the writer's proof of work for this set ({@link SetWork}): nodes store an entry only with enough of it, and a full
 * set takes a new writer only in place of one with less.
 */
public record SetEntry(
        NodeId setKey, byte[] writer, byte[] value, long seq, long issuedAtMillis, int ttlSeconds, boolean tombstone,
        long nonce, byte[] signature) {

    /** Version 1 entries had no nonce; a version 1 signature does not verify as version 2. */
    private static final byte[] DOMAIN = "murmur/set-entry/v2".getBytes(StandardCharsets.US_ASCII);

    public SetEntry {
        Objects.requireNonNull(setKey, "setKey");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * An entry with nonce 0, which proves no work: {@link murmur.dht.node.DhtNode#putEntry(SigningKey, SetEntry)}
     * does the work the holders ask for and signs it again.
     */
    public static SetEntry sign(
            SigningKey signer, NodeId setKey, byte[] value, long seq, Duration ttl, Instant issuedAt) {
        return build(signer, setKey, value, seq, ttl, issuedAt, false, 0);
    }

    /** Removes the writer's entry: a signed tombstone that outranks every lower sequence number. Nonce 0. */
    public static SetEntry tombstone(SigningKey signer, NodeId setKey, long seq, Duration ttl, Instant issuedAt) {
        return build(signer, setKey, new byte[0], seq, ttl, issuedAt, true, 0);
    }

    /** This entry with another nonce, signed again by its writer ({@code signer} must hold the writer's key). */
    public SetEntry withNonce(SigningKey signer, long newNonce) {
        if (!Arrays.equals(signer.publicKey(), writer)) {
            throw new IllegalArgumentException("only the writer of " + this + " can sign it again");
        }
        int ttl = ttlSeconds;
        byte[] payload = signedBytes(setKey, writer, value, seq, issuedAtMillis, ttl, tombstone, newNonce);
        return new SetEntry(setKey, writer, value, seq, issuedAtMillis, ttl, tombstone, newNonce,
                signer.sign(payload));
    }

    private static SetEntry build(SigningKey signer, NodeId setKey, byte[] value, long seq, Duration ttl, Instant at,
            boolean tombstone, long nonce) {
        byte[] writer = signer.publicKey();
        int ttlSeconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
        byte[] payload = signedBytes(setKey, writer, value, seq, at.toEpochMilli(), ttlSeconds, tombstone, nonce);
        return new SetEntry(setKey, writer, value.clone(), seq, at.toEpochMilli(), ttlSeconds, tombstone, nonce,
                signer.sign(payload));
    }

    public boolean signatureValid() {
        return Ed25519.verify(writer,
                signedBytes(setKey, writer, value, seq, issuedAtMillis, ttlSeconds, tombstone, nonce), signature);
    }

    /** The work this entry's nonce proves for its writer in its set, in leading zero bits; one hash. */
    public int work() {
        return SetWork.bits(setKey, writer, nonce);
    }

    public NodeId writerId() {
        return NodeId.ofPublicKey(writer);
    }

    public Instant expiresAt() {
        return Instant.ofEpochMilli(issuedAtMillis).plusSeconds(ttlSeconds);
    }

    /** Same writer assumed: a higher sequence number wins, then a later issue time. */
    public boolean supersedes(SetEntry other) {
        return seq != other.seq ? seq > other.seq : issuedAtMillis > other.issuedAtMillis;
    }

    private static byte[] signedBytes(NodeId setKey, byte[] writer, byte[] value, long seq, long issuedAt, int ttl,
            boolean tombstone, long nonce) {
        return ByteBuffer.allocate(DOMAIN.length + NodeId.BYTES + writer.length + 29 + value.length)
                .put(DOMAIN).put(setKey.toBytes()).put(writer).putLong(seq).putLong(issuedAt).putInt(ttl)
                .put((byte) (tombstone ? 1 : 0)).putLong(nonce).put(value).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetEntry e && setKey.equals(e.setKey) && seq == e.seq
                && issuedAtMillis == e.issuedAtMillis && ttlSeconds == e.ttlSeconds && tombstone == e.tombstone
                && nonce == e.nonce && Arrays.equals(writer, e.writer) && Arrays.equals(value, e.value)
                && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(setKey, seq, issuedAtMillis, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SetEntry[" + setKey + " writer=" + writerId() + " seq=" + seq + (tombstone ? " tombstone" : "") + "]";
    }
}
