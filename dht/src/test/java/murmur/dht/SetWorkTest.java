package murmur.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The proof of work a set entry carries: bound to the set and the writer, signed, one hash to check. */
class SetWorkTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NodeId SET = NodeId.ofKey("followers/alice");

    private final SigningKey writer = SigningKey.generate(TestKeys.seeded(11));
    private final SigningKey other = SigningKey.generate(TestKeys.seeded(12));

    @Test
    void leadingZeroBitsAreCountedAcrossBytes() {
        assertThat(SetWork.leadingZeroBits(new byte[] {(byte) 0x80, 0})).isZero();
        assertThat(SetWork.leadingZeroBits(new byte[] {0x01, 0})).isEqualTo(7);
        assertThat(SetWork.leadingZeroBits(new byte[] {0, 0x10})).isEqualTo(11);
        assertThat(SetWork.leadingZeroBits(new byte[4])).isEqualTo(32);
    }

    @Test
    void aFoundNonceProvesAtLeastTheBitsAskedForAndTheSearchGoesOnFromWhereItStopped() {
        long nonce = SetWork.find(SET, writer.publicKey(), 10, 0);
        int bits = SetWork.bits(SET, writer.publicKey(), nonce);

        assertThat(bits).isGreaterThanOrEqualTo(10);
        for (long n = 0; n < nonce; n++) {
            assertThat(SetWork.bits(SET, writer.publicKey(), n)).as("nonce %d", n).isLessThan(10);
        }
        assertThat(SetWork.find(SET, writer.publicKey(), 10, nonce + 1)).isGreaterThan(nonce);
    }

    @Test
    void workIsBoundToTheSetAndTheWriter() {
        long nonce = SetWork.find(SET, writer.publicKey(), 12, 0);

        assertThat(SetWork.bits(SET, writer.publicKey(), nonce)).isGreaterThanOrEqualTo(12);
        // Another set or another key gains nothing from it: 12 bits again by chance is a 1 in 4096 event.
        assertThat(SetWork.bits(NodeId.ofKey("followers/bob"), writer.publicKey(), nonce)).isLessThan(12);
        assertThat(SetWork.bits(SET, other.publicKey(), nonce)).isLessThan(12);
    }

    @Test
    void theNonceIsSignedAndUpdatesKeepTheWork() {
        SetEntry plain = SetEntry.sign(writer, SET, bytes("bob"), 1, Duration.ofDays(1), NOW);
        SetEntry worked = TestEntries.worked(writer, plain, 12);
        SetEntry update = SetEntry.sign(writer, SET, bytes("bob again"), 2, Duration.ofDays(1), NOW)
                .withNonce(writer, worked.nonce());

        assertThat(plain.nonce()).isZero();
        assertThat(worked.work()).isGreaterThanOrEqualTo(12);
        assertThat(worked.signatureValid()).isTrue();
        assertThat(worked.value()).isEqualTo(plain.value());
        assertThat(worked.seq()).isEqualTo(plain.seq());
        assertThat(update.work()).as("work does not depend on seq or value").isEqualTo(worked.work());
        SetEntry swapped = new SetEntry(SET, plain.writer(), plain.value(), plain.seq(), plain.issuedAtMillis(),
                plain.ttlSeconds(), false, worked.nonce(), plain.signature());
        assertThat(swapped.signatureValid()).as("a nonce put in after signing").isFalse();
    }

    @Test
    void onlyTheWriterCanSignAnEntryAgain() {
        SetEntry plain = SetEntry.sign(writer, SET, bytes("bob"), 1, Duration.ofDays(1), NOW);

        assertThatThrownBy(() -> plain.withNonce(other, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
