package murmur.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetEntryTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NodeId SET = NodeId.ofKey("followers/alice");
    private static final byte[] VALUE = "bob follows".getBytes(StandardCharsets.UTF_8);

    private final SigningKey writer = SigningKey.generate(TestKeys.seeded(3));
    private final SigningKey other = SigningKey.generate(TestKeys.seeded(4));
    private final SetEntry entry = SetEntry.sign(writer, SET, VALUE, 2, Duration.ofDays(1), NOW);

    private SetEntry with(NodeId set, byte[] w, byte[] value, long seq, long issuedAt, int ttl, boolean tomb) {
        return new SetEntry(set, w, value, seq, issuedAt, ttl, tomb, entry.nonce(), entry.signature());
    }

    @Test
    void aSignedEntryVerifiesAndNamesItsWriter() {
        assertThat(entry.signatureValid()).isTrue();
        assertThat(entry.tombstone()).isFalse();
        assertThat(entry.writerId()).isEqualTo(writer.nodeId());
        assertThat(entry.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void anyTamperingBreaksTheSignature() {
        long at = entry.issuedAtMillis();
        int ttl = entry.ttlSeconds();
        byte[] w = entry.writer();
        byte[] changed = VALUE.clone();
        changed[0] ^= 1;

        assertThat(with(SET, w, changed, 2, at, ttl, false).signatureValid()).as("value").isFalse();
        assertThat(with(SET, w, VALUE, 3, at, ttl, false).signatureValid()).as("seq").isFalse();
        assertThat(with(SET, w, VALUE, 2, at + 1, ttl, false).signatureValid()).as("issuedAt").isFalse();
        assertThat(with(SET, w, VALUE, 2, at, ttl - 1, false).signatureValid()).as("ttl").isFalse();
        assertThat(with(NodeId.ofKey("followers/bob"), w, VALUE, 2, at, ttl, false).signatureValid())
                .as("set key").isFalse();
        assertThat(with(SET, other.publicKey(), VALUE, 2, at, ttl, false).signatureValid()).as("writer").isFalse();
        assertThat(with(SET, w, VALUE, 2, at, ttl, true).signatureValid()).as("tombstone flag").isFalse();
        assertThat(with(SET, w, VALUE, 2, at, ttl, false).signatureValid()).as("untouched").isTrue();
    }

    @Test
    void aTombstoneIsSignedEmptyAndVerifies() {
        SetEntry tomb = SetEntry.tombstone(writer, SET, 3, Duration.ofDays(1), NOW);

        assertThat(tomb.tombstone()).isTrue();
        assertThat(tomb.value()).isEmpty();
        assertThat(tomb.signatureValid()).isTrue();
        assertThat(tomb.supersedes(entry)).isTrue();
    }

    @Test
    void aTombstoneCannotBeTurnedBackIntoAnEntry() {
        SetEntry tomb = SetEntry.tombstone(writer, SET, 3, Duration.ofDays(1), NOW);
        SetEntry revived = new SetEntry(SET, tomb.writer(), tomb.value(), tomb.seq(), tomb.issuedAtMillis(),
                tomb.ttlSeconds(), false, tomb.nonce(), tomb.signature());

        assertThat(revived.signatureValid()).isFalse();
    }

    @Test
    void supersedesByHigherSeqThenByLaterIssueTime() {
        SetEntry higher = SetEntry.sign(writer, SET, VALUE, 3, Duration.ofDays(1), NOW.minusSeconds(60));
        SetEntry refresh = SetEntry.sign(writer, SET, VALUE, 2, Duration.ofDays(1), NOW.plusSeconds(60));
        SetEntry lower = SetEntry.sign(writer, SET, VALUE, 1, Duration.ofDays(1), NOW.plusSeconds(600));

        assertThat(higher.supersedes(entry)).isTrue();
        assertThat(entry.supersedes(higher)).isFalse();
        assertThat(refresh.supersedes(entry)).isTrue();
        assertThat(lower.supersedes(entry)).isFalse();
        assertThat(entry.supersedes(lower)).isTrue();
        assertThat(entry.supersedes(entry)).isFalse();
    }

    @Test
    void setEntrySignaturesDoNotVerifyAsOwnedRecords() {
        OwnedRecord reused = new OwnedRecord(SET, VALUE, 2, entry.issuedAtMillis(), entry.ttlSeconds(),
                entry.writer(), entry.signature());

        assertThat(reused.signatureValid()).isFalse();
    }

    @Test
    void equalityComparesContents() {
        SetEntry same = new SetEntry(SET, entry.writer().clone(), VALUE.clone(), 2, entry.issuedAtMillis(),
                entry.ttlSeconds(), false, entry.nonce(), entry.signature().clone());

        assertThat(same).isEqualTo(entry).hasSameHashCodeAs(entry);
        assertThat(SetEntry.tombstone(writer, SET, 2, Duration.ofDays(1), NOW)).isNotEqualTo(entry);
    }
}
