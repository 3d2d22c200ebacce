package murmur.dht.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Remembers which exact records and entries (every byte, signature included) this node has already verified, so a
 * republished or re-read copy costs a hash instead of an Ed25519 check. Bounded; least recently used go first.
 */
final class VerifiedSignatures {
    private final int capacity;
    private final Map<ByteBuffer, Boolean> seen;

    VerifiedSignatures(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > VerifiedSignatures.this.capacity;
            }
        };
    }

    /** True if {@code encoded} was verified before, or {@code verify} says it is valid now (then remembered). */
    boolean valid(byte[] encoded, BooleanSupplier verify) {
        ByteBuffer digest = ByteBuffer.wrap(sha256(encoded));
        synchronized (seen) {
            if (seen.get(digest) != null) {
                return true;
            }
        }
        if (!verify.getAsBoolean()) {
            return false;
        }
        synchronized (seen) {
            seen.put(digest, Boolean.TRUE);
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
