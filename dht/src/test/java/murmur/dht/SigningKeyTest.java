package murmur.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import murmur.transport.Ed25519;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    private static final byte[] MESSAGE = "hello murmur".getBytes(StandardCharsets.UTF_8);

    private final SigningKey key = SigningKey.generate(TestKeys.seeded(5));

    @Test
    void restoringFromThePrivateKeyGivesTheSamePublicKeyAndId() {
        SigningKey restored = SigningKey.restore(key.privateKeyBytes());

        assertThat(restored.publicKey()).isEqualTo(key.publicKey());
        assertThat(restored.nodeId()).isEqualTo(key.nodeId());
        assertThat(restored.hasPublicKey(key.publicKey())).isTrue();
    }

    @Test
    void aRestoredKeyMakesSignaturesTheOriginalPublicKeyAccepts() {
        SigningKey restored = SigningKey.restore(key.privateKeyBytes());

        byte[] signature = restored.sign(MESSAGE);

        assertThat(signature).hasSize(Ed25519.SIGNATURE_BYTES);
        assertThat(Ed25519.verify(key.publicKey(), MESSAGE, signature)).isTrue();
        // Ed25519 is deterministic
        assertThat(signature).isEqualTo(key.sign(MESSAGE));
    }

    @Test
    void restoreRejectsWrongLengthPrivateKeys() {
        assertThatThrownBy(() -> SigningKey.restore(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.restore(new byte[64])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seededGenerationIsReproducibleAndDistinctSeedsDiffer() {
        assertThat(SigningKey.generate(TestKeys.seeded(5)).publicKey()).isEqualTo(key.publicKey());
        assertThat(SigningKey.generate(TestKeys.seeded(6)).publicKey()).isNotEqualTo(key.publicKey());
    }

    @Test
    void nodeIdIsTheHashOfThePublicKey() {
        assertThat(key.nodeId()).isEqualTo(NodeId.ofPublicKey(key.publicKey()));
        assertThat(key.publicKey()).hasSize(Ed25519.PUBLIC_KEY_BYTES);
        assertThat(key.privateKeyBytes()).hasSize(32);
    }

    @Test
    void publicKeyIsDefensivelyCopied() {
        byte[] pk = key.publicKey();
        pk[0] ^= 1;

        assertThat(key.hasPublicKey(pk)).isFalse();
    }

    @Test
    void verifyRejectsAnotherMessageOrAnotherKey() {
        byte[] signature = key.sign(MESSAGE);
        SigningKey other = SigningKey.generate(TestKeys.seeded(99));

        assertThat(Ed25519.verify(key.publicKey(), "hello murmuR".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(Ed25519.verify(other.publicKey(), MESSAGE, signature)).isFalse();
    }

    @Test
    void verifyRejectsEveryFlippedSignatureBit() {
        byte[] signature = key.sign(MESSAGE);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] bad = signature.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ed25519.verify(key.publicKey(), MESSAGE, bad)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void verifyReturnsFalseForWrongLengthKeysAndSignaturesWithoutThrowing() {
        byte[] signature = key.sign(MESSAGE);
        byte[] pk = key.publicKey();

        assertThat(Ed25519.verify(new byte[0], MESSAGE, signature)).isFalse();
        assertThat(Ed25519.verify(new byte[31], MESSAGE, signature)).isFalse();
        assertThat(Ed25519.verify(new byte[33], MESSAGE, signature)).isFalse();
        assertThat(Ed25519.verify(pk, MESSAGE, new byte[0])).isFalse();
        assertThat(Ed25519.verify(pk, MESSAGE, new byte[63])).isFalse();
        assertThat(Ed25519.verify(pk, MESSAGE, new byte[65])).isFalse();
        assertThat(Ed25519.verify(pk, MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
    }

    @Test
    void verifyReturnsFalseForKeysThatAreNotCurvePoints() {
        byte[] signature = key.sign(MESSAGE);
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);

        assertThat(Ed25519.verify(notAPoint, MESSAGE, signature)).isFalse();
        assertThat(Ed25519.verify(new byte[32], MESSAGE, new byte[64])).isFalse();
    }
}
