package murmur.transport;

/** An Ed25519 key pair that signs: a node's or a user's key, as the secure channel and the relay use it. */
public interface Signer {
    /** The raw 32-byte public key. */
    byte[] publicKey();

    /** A 64-byte Ed25519 signature over {@code message}. */
    byte[] sign(byte[] message);
}
