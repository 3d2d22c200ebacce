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
 * one entry per set and alone may replace it (higher sequence number) or tombstone it.
 */
public record SetEntry(
        NodeId setKey, byte[] writer, byte[] value, long seq, long issuedAtMillis, int ttlSeconds, boolean tombstone,
        byte[] signature) {

    private static final byte[] DOMAIN = "murmur/set-entry/v1".getBytes(StandardCharsets.US_ASCII);

    public SetEntry {
        Objects.requireNonNull(setKey, "setKey");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(signature, "signature");
    }

    public static SetEntry sign(
            SigningKey signer, NodeId setKey, byte[] value, long seq, Duration ttl, Instant issuedAt) {
        return build(signer, setKey, value, seq, ttl, issuedAt, false);
    }

    /** Removes the writer's entry: a signed tombstone that outranks every lower sequence number. */
    public static SetEntry tombstone(SigningKey signer, NodeId setKey, long seq, Duration ttl, Instant issuedAt) {
        return build(signer, setKey, new byte[0], seq, ttl, issuedAt, true);
    }

    private static SetEntry build(
            SigningKey signer, NodeId setKey, byte[] value, long seq, Duration ttl, Instant at, boolean tombstone) {
        byte[] writer = signer.publicKey();
        int ttlSeconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
        byte[] payload = signedBytes(setKey, writer, value, seq, at.toEpochMilli(), ttlSeconds, tombstone);
        return new SetEntry(setKey, writer, value.clone(), seq, at.toEpochMilli(), ttlSeconds, tombstone,
                signer.sign(payload));
    }

    public boolean signatureValid() {
        return Ed25519.verify(writer,
                signedBytes(setKey, writer, value, seq, issuedAtMillis, ttlSeconds, tombstone), signature);
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

    private static byte[] signedBytes(
            NodeId setKey, byte[] writer, byte[] value, long seq, long issuedAt, int ttl, boolean tombstone) {
        return ByteBuffer.allocate(DOMAIN.length + NodeId.BYTES + writer.length + 21 + value.length)
                .put(DOMAIN).put(setKey.toBytes()).put(writer).putLong(seq).putLong(issuedAt).putInt(ttl)
                .put((byte) (tombstone ? 1 : 0)).put(value).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetEntry e && setKey.equals(e.setKey) && seq == e.seq
                && issuedAtMillis == e.issuedAtMillis && ttlSeconds == e.ttlSeconds && tombstone == e.tombstone
                && Arrays.equals(writer, e.writer) && Arrays.equals(value, e.value)
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
