package murmur.dht;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** A 256-bit identifier in the Kademlia key space: a node's id or a record's key. Immutable. */
public final class NodeId implements Comparable<NodeId> {
    public static final int BYTES = 32;
    public static final int BITS = BYTES * 8;

    private final byte[] bytes;
    /** The first 64 bits, big-endian: decides almost every distance comparison on its own. */
    private final long head;

    private NodeId(byte[] bytes) {
        this.bytes = bytes;
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (bytes[i] & 0xff);
        }
        this.head = h;
    }

    /** Wraps 32 bytes (copied). */
    public static NodeId of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a node id has 32 bytes, got " + bytes.length);
        }
        return new NodeId(bytes.clone());
    }

    /** The key of a named record, e.g. {@code user/alice}: SHA-256 of its UTF-8 name. */
    public static NodeId ofKey(String name) {
        return new NodeId(sha256(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** A node's id: SHA-256 of its raw Ed25519 public key. */
    public static NodeId ofPublicKey(byte[] rawPublicKey) {
        return new NodeId(sha256(rawPublicKey));
    }

    public static NodeId random(Random random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new NodeId(b);
    }

    public static NodeId fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** XOR distance to another id, as an id. */
    public NodeId xor(NodeId other) {
        byte[] d = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            d[i] = (byte) (bytes[i] ^ other.bytes[i]);
        }
        return new NodeId(d);
    }

    /** Number of leading bits this id shares with {@code other}; 256 when equal. */
    public int commonPrefixLength(NodeId other) {
        for (int i = 0; i < BYTES; i++) {
            int x = (bytes[i] ^ other.bytes[i]) & 0xff;
            if (x != 0) {
                return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
            }
        }
        return BITS;
    }

    /** Compares the XOR distances of {@code a} and {@code b} to this id. */
    public int compareDistance(NodeId a, NodeId b) {
        long ha = a.head ^ head;
        long hb = b.head ^ head;
        if (ha != hb) {
            return Long.compareUnsigned(ha, hb);
        }
        for (int i = 8; i < BYTES; i++) {
            int da = (a.bytes[i] ^ bytes[i]) & 0xff;
            int db = (b.bytes[i] ^ bytes[i]) & 0xff;
            if (da != db) {
                return Integer.compare(da, db);
            }
        }
        return 0;
    }

    /** A random id that shares exactly {@code prefix} leading bits with this one (prefix < 256). */
    public NodeId randomWithPrefix(int prefix, Random random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        for (int bit = 0; bit <= prefix; bit++) {
            int byteIndex = bit / 8;
            int mask = 0x80 >>> (bit % 8);
            boolean own = (bytes[byteIndex] & mask) != 0;
            boolean set = bit < prefix ? own : !own;
            b[byteIndex] = (byte) (set ? b[byteIndex] | mask : b[byteIndex] & ~mask);
        }
        return new NodeId(b);
    }

    @Override
    public int compareTo(NodeId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** First 8 hex digits: enough to tell nodes apart in logs. */
    @Override
    public String toString() {
        return toHex().substring(0, 8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
