package murmur.dht;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The proof of work a writer binds to one set: {@code SHA-256("murmur-set-work-v1" || setKey || writerKey ||
 * nonce)}, counted in leading zero bits. It covers neither sequence number nor value, so a writer finds a nonce once
 * per set and reuses it for every later update and tombstone there; another set or another key needs new work.
 * Finding {@code b} bits takes about {@code 2^b} hashes; checking it takes one.
 */
public final class SetWork {
    /** What the hash covers first, so that it can mean nothing else. */
    static final byte[] DOMAIN = "murmur-set-work-v1".getBytes(StandardCharsets.US_ASCII);
    /** Most bits one hash can show. */
    public static final int MAX_BITS = 256;

    private SetWork() {}

    /** The work {@code nonce} proves for {@code writer} (a raw public key) in {@code setKey}. */
    public static int bits(NodeId setKey, byte[] writer, long nonce) {
        return bits(sha256(), setKey.toBytes(), writer, nonce, new byte[Long.BYTES]);
    }

    /**
     * The first nonce from {@code from} on that proves at least {@code bits} bits. Runs about {@code 2^bits} hashes:
     * call it off any event loop.
     */
    public static long find(NodeId setKey, byte[] writer, int bits, long from) {
        if (bits < 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("work of " + bits + " bits");
        }
        MessageDigest sha = sha256();
        byte[] key = setKey.toBytes();
        byte[] buffer = new byte[Long.BYTES];
        long nonce = from;
        while (bits(sha, key, writer, nonce, buffer) < bits) {
            nonce++;
        }
        return nonce;
    }

    private static int bits(MessageDigest sha, byte[] setKey, byte[] writer, long nonce, byte[] buffer) {
        sha.update(DOMAIN);
        sha.update(setKey);
        sha.update(writer);
        for (int i = 0; i < Long.BYTES; i++) {
            buffer[i] = (byte) (nonce >>> (56 - 8 * i));
        }
        sha.update(buffer);
        return leadingZeroBits(sha.digest());
    }

    static int leadingZeroBits(byte[] hash) {
        int zeros = 0;
        for (byte b : hash) {
            if (b != 0) {
                return zeros + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            zeros += 8;
        }
        return zeros;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
