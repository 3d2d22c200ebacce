package murmur.timeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import murmur.dht.SigningKey;
import org.junit.jupiter.api.Test;

class KeyVaultTest {
    private static final KdfParams CHEAP = new KdfParams(1024, 1, 1);
    private final SigningKey key = SigningKey.generate();
    private final UserRecordValue sealed = KeyVault.seal("alice", key.publicKey(), key.privateKeyBytes(),
            "secret password", CHEAP, 0, new SecureRandom());

    @Test
    void theRightPasswordOpensTheKey() {
        assertThat(KeyVault.open("alice", sealed, "secret password")).hasValue(key.privateKeyBytes());
    }

    @Test
    void aWrongPasswordOpensNothing() {
        assertThat(KeyVault.open("alice", sealed, "secret passworD")).isEmpty();
    }

    @Test
    void aSealedKeyCopiedIntoAnotherNamesRecordDoesNotOpen() {
        assertThat(KeyVault.open("mallory", sealed, "secret password")).isEmpty();
    }

    @Test
    void tamperedCiphertextDoesNotOpen() {
        byte[] bytes = sealed.sealedKey();
        bytes[3] ^= 1;
        UserRecordValue tampered = new UserRecordValue(1, sealed.publicKey(), sealed.salt(), sealed.memoryKib(),
                sealed.iterations(), sealed.parallelism(), sealed.nonce(), bytes, 0);
        assertThat(KeyVault.open("alice", tampered, "secret password")).isEmpty();
    }

    @Test
    void saltsDifferSoEqualPasswordsGiveDifferentRecords() {
        UserRecordValue again = KeyVault.seal("alice", key.publicKey(), key.privateKeyBytes(), "secret password",
                CHEAP, 0, new SecureRandom());
        assertThat(again.salt()).isNotEqualTo(sealed.salt());
        assertThat(again.sealedKey()).isNotEqualTo(sealed.sealedKey());
    }

    @Test
    void hostileKdfParametersAreOutOfBounds() {
        assertThat(new KdfParams(64 * 1024, 3, 1).withinLimits()).isTrue();
        assertThat(new KdfParams(Integer.MAX_VALUE, 3, 1).withinLimits()).isFalse();
        assertThat(new KdfParams(1024, 1_000_000, 1).withinLimits()).isFalse();
        assertThat(new KdfParams(1024, 1, 0).withinLimits()).isFalse();
    }
}
