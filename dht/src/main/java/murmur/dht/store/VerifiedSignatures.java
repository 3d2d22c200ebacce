package murmur.dht.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Remembers which exact records and entries (every byte, signature included) this node has already verified, and
 * how the check came out, so a republished or re-read copy, or a forgery sent again, costs a hash instead of an
 * Ed25519 check. Bounded; least recently used go first.
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

    /**
     * Whether {@code encoded} is valid: as remembered when it was checked before, else as {@code verify} says now
     * (then remembered either way, so that sending the same forgery again costs a hash, as a genuine copy does).
     */
    boolean valid(byte[] encoded, BooleanSupplier verify) {
        ByteBuffer digest = ByteBuffer.wrap(sha256(encoded));
        synchronized (seen) {
            Boolean known = seen.get(digest);
            if (known != null) {
                return known;
            }
        }
        boolean valid = verify.getAsBoolean();
        synchronized (seen) {
            seen.put(digest, valid);
        }
        return valid;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
