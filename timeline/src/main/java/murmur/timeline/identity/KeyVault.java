package murmur.timeline.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import murmur.timeline.TimelineException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Seals a private key under a password: Argon2id turns the password and a random salt into an AES-256 key, and
 * AES-GCM encrypts the private key with the user name and public key as associated data, so a sealed key copied into
 * another account's record does not open.
 */
public final class KeyVault {
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] DOMAIN = "murmur/user/v1".getBytes(StandardCharsets.US_ASCII);

    private KeyVault() {}

    /** A new record value for {@code name}: fresh salt and nonce, the private key sealed under the password. */
    public static UserRecordValue seal(String name, byte[] publicKey, byte[] privateKey, String password,
            KdfParams params, long createdAtMillis, SecureRandom random) {
        byte[] salt = random(random, SALT_BYTES);
        byte[] nonce = random(random, NONCE_BYTES);
        byte[] key = derive(password, salt, params);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, key, nonce, name, publicKey);
            byte[] sealed = aes.doFinal(privateKey);
            return new UserRecordValue(UserRecordValue.VERSION, publicKey, salt, params.memoryKib(),
                    params.iterations(), params.parallelism(), nonce, sealed, createdAtMillis);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The private key, or empty when the password is wrong (or the record was tampered with). Refuses, without
     * running them, key-derivation parameters beyond {@link KdfParams#problem() the limits}.
     */
    public static Optional<byte[]> open(String name, UserRecordValue record, String password) {
        Optional<String> tooCostly = record.kdf().problem();
        if (tooCostly.isPresent()) {
            throw new TimelineException(TimelineException.Reason.CORRUPT_RECORD, "the account record of '" + name
                    + "' has key-derivation parameters out of bounds: " + tooCostly.get());
        }
        byte[] key = derive(password, record.salt(), record.kdf());
        try {
            Cipher aes = cipher(Cipher.DECRYPT_MODE, key, record.nonce(), name, record.publicKey());
            return Optional.of(aes.doFinal(record.sealedKey()));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Key derivations this large are followed by a collection (see {@link #derive}). */
    static final int GIVE_BACK_FROM_KIB = 64 * 1024;

    /**
     * The AES key for {@code password}. After a derivation of {@link #GIVE_BACK_FROM_KIB} or more, whose memory (256
     * MiB by default) is garbage the moment it ends, the heap is collected at once, so that the app's JVM, which
     * shrinks its heap after a full collection ({@code scripts/jvm/app.options}), gives that memory back to the
     * system now rather than holding it until some later collection.
     */
    static byte[] derive(String password, byte[] salt, KdfParams params) {
        byte[] key = argon2id(password, salt, params);
        if (params.memoryKib() >= GIVE_BACK_FROM_KIB) {
            System.gc();
        }
        return key;
    }

    private static byte[] argon2id(String password, byte[] salt, KdfParams params) {
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon);
        byte[] key = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), key);
        return key;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String name, byte[] publicKey)
            throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        aes.updateAAD(ByteBuffer.allocate(DOMAIN.length + 2 + nameBytes.length + publicKey.length)
                .put(DOMAIN).putShort((short) nameBytes.length).put(nameBytes).put(publicKey).array());
        return aes;
    }

    private static byte[] random(SecureRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
