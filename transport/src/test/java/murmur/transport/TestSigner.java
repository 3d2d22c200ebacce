package murmur.transport;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 key for tests, from a seeded random. */
public final class TestSigner implements Signer {
    private final Ed25519PrivateKeyParameters key;

    public TestSigner(long seed) {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(seed);
        this.key = new Ed25519PrivateKeyParameters(random);
    }

    @Override
    public byte[] publicKey() {
        return key.generatePublicKey().getEncoded();
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, key);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }
}
