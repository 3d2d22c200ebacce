package murmur.dht;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import murmur.transport.Ed25519;

/**
 * A value under a key that belongs to one Ed25519 key: the first valid write claims the key, later writes must be
 * signed by the same key with a higher sequence number. The signature covers every other field.
 */
public record OwnedRecord(
        NodeId key, byte[] value, long seq, long issuedAtMillis, int ttlSeconds, byte[] owner, byte[] signature) {

    private static final byte[] DOMAIN = "murmur/owned/v1".getBytes(StandardCharsets.US_ASCII);

    public OwnedRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(signature, "signature");
    }

    public static OwnedRecord sign(
            SigningKey signer, NodeId key, byte[] value, long seq, Duration ttl, Instant issuedAt) {
        byte[] owner = signer.publicKey();
        int ttlSeconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
        byte[] payload = signedBytes(key, value, seq, issuedAt.toEpochMilli(), ttlSeconds, owner);
        return new OwnedRecord(key, value.clone(), seq, issuedAt.toEpochMilli(), ttlSeconds, owner,
                signer.sign(payload));
    }

    public boolean signatureValid() {
        return Ed25519.verify(owner, signedBytes(key, value, seq, issuedAtMillis, ttlSeconds, owner), signature);
    }

    public Instant issuedAt() {
        return Instant.ofEpochMilli(issuedAtMillis);
    }

    public Instant expiresAt() {
        return issuedAt().plusSeconds(ttlSeconds);
    }

    /** Same owner assumed: a higher sequence number wins, then a later issue time (a refresh). */
    public boolean supersedes(OwnedRecord other) {
        return seq != other.seq ? seq > other.seq : issuedAtMillis > other.issuedAtMillis;
    }

    public boolean sameOwner(OwnedRecord other) {
        return Arrays.equals(owner, other.owner);
    }

    private static byte[] signedBytes(NodeId key, byte[] value, long seq, long issuedAt, int ttl, byte[] owner) {
        return ByteBuffer.allocate(DOMAIN.length + NodeId.BYTES + owner.length + 20 + value.length)
                .put(DOMAIN).put(key.toBytes()).put(owner).putLong(seq).putLong(issuedAt).putInt(ttl).put(value)
                .array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnedRecord r && key.equals(r.key) && seq == r.seq && issuedAtMillis == r.issuedAtMillis
                && ttlSeconds == r.ttlSeconds && Arrays.equals(value, r.value) && Arrays.equals(owner, r.owner)
                && Arrays.equals(signature, r.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, seq, issuedAtMillis, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "OwnedRecord[" + key + " seq=" + seq + " " + value.length + "B owner=" + NodeId.ofPublicKey(owner) + "]";
    }
}
