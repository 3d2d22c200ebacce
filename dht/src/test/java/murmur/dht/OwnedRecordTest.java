package murmur.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OwnedRecordTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NodeId KEY = NodeId.ofKey("user/alice");
    private static final byte[] VALUE = "alice's profile".getBytes(StandardCharsets.UTF_8);

    private final SigningKey owner = SigningKey.generate(TestKeys.seeded(1));
    private final SigningKey other = SigningKey.generate(TestKeys.seeded(2));
    private final OwnedRecord record = OwnedRecord.sign(owner, KEY, VALUE, 5, Duration.ofHours(2), NOW);

    private static OwnedRecord copy(OwnedRecord r, NodeId key, byte[] value, long seq, long issuedAt, int ttl,
            byte[] owner, byte[] signature) {
        return new OwnedRecord(key, value, seq, issuedAt, ttl, owner, signature);
    }

    @Test
    void aSignedRecordVerifiesAndKeepsItsFields() {
        assertThat(record.signatureValid()).isTrue();
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.value()).isEqualTo(VALUE);
        assertThat(record.seq()).isEqualTo(5);
        assertThat(record.issuedAt()).isEqualTo(NOW);
        assertThat(record.ttlSeconds()).isEqualTo(7200);
        assertThat(record.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(record.owner()).isEqualTo(owner.publicKey());
    }

    @Test
    void signCopiesTheValue() {
        byte[] value = VALUE.clone();
        OwnedRecord r = OwnedRecord.sign(owner, KEY, value, 1, Duration.ofHours(1), NOW);
        value[0] ^= 1;

        assertThat(r.signatureValid()).isTrue();
    }

    @Test
    void tamperedValueBreaksTheSignature() {
        byte[] value = VALUE.clone();
        value[value.length - 1] ^= 1;

        assertThat(copy(record, KEY, value, 5, record.issuedAtMillis(), record.ttlSeconds(), record.owner(),
                record.signature()).signatureValid()).isFalse();
    }

    @Test
    void appendedOrTruncatedValueBreaksTheSignature() {
        byte[] longer = (new String(VALUE, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8);
        byte[] empty = new byte[0];

        assertThat(copy(record, KEY, longer, 5, record.issuedAtMillis(), record.ttlSeconds(), record.owner(),
                record.signature()).signatureValid()).isFalse();
        assertThat(copy(record, KEY, empty, 5, record.issuedAtMillis(), record.ttlSeconds(), record.owner(),
                record.signature()).signatureValid()).isFalse();
    }

    @Test
    void tamperedSeqBreaksTheSignature() {
        assertThat(copy(record, KEY, VALUE, 6, record.issuedAtMillis(), record.ttlSeconds(), record.owner(),
                record.signature()).signatureValid()).isFalse();
    }

    @Test
    void tamperedIssueTimeBreaksTheSignature() {
        assertThat(copy(record, KEY, VALUE, 5, record.issuedAtMillis() + 1, record.ttlSeconds(), record.owner(),
                record.signature()).signatureValid()).isFalse();
    }

    @Test
    void tamperedTtlBreaksTheSignature() {
        assertThat(copy(record, KEY, VALUE, 5, record.issuedAtMillis(), record.ttlSeconds() + 1, record.owner(),
                record.signature()).signatureValid()).isFalse();
    }

    @Test
    void movingTheRecordToAnotherKeyBreaksTheSignature() {
        assertThat(copy(record, NodeId.ofKey("user/mallory"), VALUE, 5, record.issuedAtMillis(), record.ttlSeconds(),
                record.owner(), record.signature()).signatureValid()).isFalse();
    }

    @Test
    void swappingTheOwnerBreaksTheSignature() {
        assertThat(copy(record, KEY, VALUE, 5, record.issuedAtMillis(), record.ttlSeconds(), other.publicKey(),
                record.signature()).signatureValid()).isFalse();
    }

    @Test
    void anotherKeysSignatureUnderTheOwnersNameDoesNotVerify() {
        OwnedRecord forged = OwnedRecord.sign(other, KEY, VALUE, 5, Duration.ofHours(2), NOW);

        assertThat(copy(record, KEY, VALUE, 5, record.issuedAtMillis(), record.ttlSeconds(), record.owner(),
                forged.signature()).signatureValid()).isFalse();
    }

    @Test
    void ownedRecordSignaturesDoNotVerifyAsSetEntries() {
        SetEntry reused = new SetEntry(KEY, owner.publicKey(), VALUE, 5, record.issuedAtMillis(),
                record.ttlSeconds(), false, 0, record.signature());

        assertThat(reused.signatureValid()).isFalse();
    }

    @Test
    void higherSeqSupersedesWhateverTheIssueTime() {
        OwnedRecord newer = OwnedRecord.sign(owner, KEY, VALUE, 6, Duration.ofHours(2), NOW.minusSeconds(3600));

        assertThat(newer.supersedes(record)).isTrue();
        assertThat(record.supersedes(newer)).isFalse();
    }

    @Test
    void sameSeqWithLaterIssueTimeIsARefreshThatSupersedes() {
        OwnedRecord refresh = OwnedRecord.sign(owner, KEY, VALUE, 5, Duration.ofHours(2), NOW.plusSeconds(60));

        assertThat(refresh.supersedes(record)).isTrue();
        assertThat(record.supersedes(refresh)).isFalse();
    }

    @Test
    void aRecordDoesNotSupersedeItself() {
        assertThat(record.supersedes(record)).isFalse();
    }

    @Test
    void sameOwnerComparesOwnerKeys() {
        OwnedRecord mine = OwnedRecord.sign(owner, NodeId.ofKey("x"), VALUE, 1, Duration.ofHours(1), NOW);
        OwnedRecord theirs = OwnedRecord.sign(other, KEY, VALUE, 5, Duration.ofHours(2), NOW);

        assertThat(record.sameOwner(mine)).isTrue();
        assertThat(record.sameOwner(theirs)).isFalse();
    }

    @Test
    void equalityComparesContentsNotArrayIdentity() {
        OwnedRecord same = copy(record, KEY, VALUE.clone(), 5, record.issuedAtMillis(), record.ttlSeconds(),
                record.owner().clone(), record.signature().clone());

        assertThat(same).isEqualTo(record).hasSameHashCodeAs(record);
        assertThat(OwnedRecord.sign(owner, KEY, VALUE, 6, Duration.ofHours(2), NOW)).isNotEqualTo(record);
    }

    @Test
    void ttlLongerThanAnIntIsCappedNotWrapped() {
        OwnedRecord r = OwnedRecord.sign(owner, KEY, VALUE, 1, Duration.ofSeconds(Integer.MAX_VALUE + 10L), NOW);

        assertThat(r.ttlSeconds()).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.signatureValid()).isTrue();
    }

    @Test
    void nullFieldsAreRejected() {
        assertThatThrownBy(() -> new OwnedRecord(null, VALUE, 1, 0, 1, owner.publicKey(), new byte[64]))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OwnedRecord(KEY, null, 1, 0, 1, owner.publicKey(), new byte[64]))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OwnedRecord(KEY, VALUE, 1, 0, 1, null, new byte[64]))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OwnedRecord(KEY, VALUE, 1, 0, 1, owner.publicKey(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRecordWithAMalformedOwnerKeyDoesNotVerify() {
        assertThat(copy(record, KEY, VALUE, 5, record.issuedAtMillis(), record.ttlSeconds(), new byte[31],
                record.signature()).signatureValid()).isFalse();
    }
}
