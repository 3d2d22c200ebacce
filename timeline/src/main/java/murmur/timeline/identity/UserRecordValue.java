package murmur.timeline.identity;

/**
 * The value of {@code user/<name>}: the user's public key and the private key sealed under the password, with
 * everything a login on another machine needs to open it. Byte fields are base64 in JSON.
 *
 * @param version       format version, 1
 * @param publicKey     raw Ed25519 public key
 * @param salt          Argon2id salt
 * @param memoryKib     Argon2id memory
 * @param iterations    Argon2id passes
 * @param parallelism   Argon2id lanes
 * @param nonce         AES-GCM nonce
 * @param sealedKey     AES-GCM ciphertext and tag of the raw private key
 * @param createdAtMillis when the account was made
 */
public record UserRecordValue(int version, byte[] publicKey, byte[] salt, int memoryKib, int iterations,
        int parallelism, byte[] nonce, byte[] sealedKey, long createdAtMillis) {

    public static final int VERSION = 1;

    public KdfParams kdf() {
        return new KdfParams(memoryKib, iterations, parallelism);
    }
}
