package murmur.dht;

import murmur.transport.Signer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 key pair that signs records and names a node. Both halves travel as their raw 32 bytes. */
public final class SigningKey implements Signer {
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static SigningKey generate() {
        return generate(new SecureRandom());
    }

    /** A key from the given randomness: seed it only for reproducible simulations and tests. */
    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Randomness that repeats for the same seed, for reproducible simulations and tests. Never use it for real keys:
     * anyone who knows the seed knows the key.
     */
    public static SecureRandom deterministicRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG missing from this JVM", e);
        }
    }

    /** Restores a key from {@link #privateKeyBytes()}; the public key is derived again. */
    public static SigningKey restore(byte[] rawPrivateKey) {
        if (rawPrivateKey.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, got " + rawPrivateKey.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(rawPrivateKey, 0));
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The raw private key: keep it secret (encrypted at rest where others can read it). */
    public byte[] privateKeyBytes() {
        return privateKey.getEncoded();
    }

    public NodeId nodeId() {
        return NodeId.ofPublicKey(publicKey);
    }

    public boolean hasPublicKey(byte[] other) {
        return Arrays.equals(publicKey, other);
    }

    @Override
    public String toString() {
        return "SigningKey[" + nodeId() + "]";
    }
}
