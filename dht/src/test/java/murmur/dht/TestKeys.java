package murmur.dht;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Reproducible key material for tests. */
public final class TestKeys {
    private TestKeys() {}

    /** A SecureRandom that yields the same bytes for the same seed. */
    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
