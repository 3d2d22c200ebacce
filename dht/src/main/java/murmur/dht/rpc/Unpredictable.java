package murmur.dht.rpc;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Unpredictable numbers, cheap enough for every datagram: request ids (an answer that carries one shows its address
 * receives what is sent there) and proof nonces. Each thread keeps its own DRBG and draws its output
 * {@link #BLOCK_BYTES} at a time, handing it out a few bytes per call: one DRBG call serves 512 request ids. A DRBG
 * call per id cost about a quarter of the CPU of the get phase of {@code bench dht}; a single shared generator
 * would also be a lock every node of a process contends on.
 */
public final class Unpredictable {
    static final int BLOCK_BYTES = 4096;
    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(Unpredictable::generator);
    private static final ThreadLocal<ByteBuffer> BLOCKS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

    private Unpredictable() {}

    /** Eight unpredictable bytes. */
    public static long nextLong() {
        return block(Long.BYTES).getLong();
    }

    /** Fills {@code out} (at most {@link #BLOCK_BYTES}) with unpredictable bytes. */
    public static void nextBytes(byte[] out) {
        if (out.length > BLOCK_BYTES) {
            GENERATORS.get().nextBytes(out);
            return;
        }
        block(out.length).get(out);
    }

    /** This thread's block, refilled from its DRBG when fewer than {@code need} bytes are left. */
    private static ByteBuffer block(int need) {
        ByteBuffer block = BLOCKS.get();
        if (block.remaining() < need) {
            byte[] fresh = new byte[BLOCK_BYTES];
            GENERATORS.get().nextBytes(fresh);
            block = ByteBuffer.wrap(fresh);
            BLOCKS.set(block);
        }
        return block;
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
