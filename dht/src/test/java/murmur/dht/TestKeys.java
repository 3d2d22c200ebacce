package murmur.dht;

import java.security.SecureRandom;

/** Reproducible key material for tests. */
public final class TestKeys {
    private TestKeys() {}

    /** A SecureRandom that yields the same bytes for the same seed. */
    public static SecureRandom seeded(long seed) {
        return SigningKey.deterministicRandom(seed);
    }
}
