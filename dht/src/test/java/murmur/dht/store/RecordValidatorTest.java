package murmur.dht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestClock;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NodeId KEY = NodeId.ofKey("user/alice");

    private final DhtSettings settings = SettingsLoader.load(Optional.empty(),
            List.of("dht.maxValueBytes=100", "dht.maxEntryBytes=10", "dht.maxTtl=1d", "dht.maxClockSkew=5m")).dht();
    private final TestClock clock = new TestClock(NOW);
    private final RecordValidator validator = new RecordValidator(settings, clock);
    private final SigningKey owner = SigningKey.generate(TestKeys.seeded(21));

    private OwnedRecord record(int valueBytes, Duration ttl, Instant issuedAt) {
        return OwnedRecord.sign(owner, KEY, new byte[valueBytes], 1, ttl, issuedAt);
    }

    private SetEntry entry(int valueBytes, Duration ttl, Instant issuedAt) {
        return TestEntries.worked(owner, SetEntry.sign(owner, KEY, new byte[valueBytes], 1, ttl, issuedAt));
    }

    private static OwnedRecord withValue(OwnedRecord r, byte[] value) {
        return new OwnedRecord(r.key(), value, r.seq(), r.issuedAtMillis(), r.ttlSeconds(), r.owner(), r.signature());
    }

    @Test
    void aWellFormedSignedRecordPasses() {
        assertThat(validator.check(record(100, Duration.ofHours(1), NOW))).isEqualTo(WriteStatus.OK);
        assertThat(validator.check(entry(10, Duration.ofHours(1), NOW))).isEqualTo(WriteStatus.OK);
    }

    @Test
    void anEntryWithoutTheMinimumWorkIsRefusedBeforeItsSignatureIsChecked() {
        SetEntry plain = SetEntry.sign(owner, KEY, new byte[1], 1, Duration.ofHours(1), NOW);
        SetEntry worked = TestEntries.worked(owner, plain);
        SetEntry forged = new SetEntry(KEY, plain.writer(), plain.value(), 1, plain.issuedAtMillis(),
                plain.ttlSeconds(), false, worked.nonce(), plain.signature());

        assertThat(plain.work()).isLessThan(settings.setMinWorkBits());
        assertThat(validator.checkShape(plain)).isEqualTo(WriteStatus.LOW_WORK);
        assertThat(validator.check(worked)).isEqualTo(WriteStatus.OK);
        assertThat(validator.checkShape(forged)).as("a worked nonce, not signed").isEqualTo(WriteStatus.OK);
        assertThat(validator.check(forged)).isEqualTo(WriteStatus.BAD_SIGNATURE);
    }

    @Test
    void valueOneByteAboveTheLimitIsTooLarge() {
        assertThat(validator.checkShape(record(101, Duration.ofHours(1), NOW))).isEqualTo(WriteStatus.TOO_LARGE);
        assertThat(validator.checkShape(entry(11, Duration.ofHours(1), NOW))).isEqualTo(WriteStatus.TOO_LARGE);
    }

    @Test
    void aTombstoneThatCarriesAValueIsRefused() {
        SetEntry tomb = TestEntries.worked(owner, SetEntry.tombstone(owner, KEY, 2, Duration.ofHours(1), NOW));
        SetEntry stuffed = new SetEntry(KEY, tomb.writer(), new byte[1], 2, tomb.issuedAtMillis(),
                tomb.ttlSeconds(), true, tomb.nonce(), tomb.signature());

        assertThat(validator.check(tomb)).isEqualTo(WriteStatus.OK);
        assertThat(validator.checkShape(stuffed)).isEqualTo(WriteStatus.TOO_LARGE);
    }

    @Test
    void ttlMustBePositiveAndAtMostTheCap() {
        assertThat(validator.checkShape(record(1, Duration.ZERO, NOW))).isEqualTo(WriteStatus.BAD_TTL);
        assertThat(validator.checkShape(record(1, Duration.ofSeconds(-5), NOW))).isEqualTo(WriteStatus.BAD_TTL);
        assertThat(validator.checkShape(record(1, Duration.ofDays(1).plusSeconds(1), NOW)))
                .isEqualTo(WriteStatus.BAD_TTL);
        assertThat(validator.checkShape(record(1, Duration.ofDays(1), NOW))).isEqualTo(WriteStatus.OK);
        assertThat(validator.checkShape(record(1, Duration.ofSeconds(1), NOW))).isEqualTo(WriteStatus.OK);
        assertThat(validator.checkShape(entry(1, Duration.ZERO, NOW))).isEqualTo(WriteStatus.BAD_TTL);
        assertThat(validator.checkShape(entry(1, Duration.ofDays(2), NOW))).isEqualTo(WriteStatus.BAD_TTL);
    }

    @Test
    void issueTimeBeyondTheAllowedSkewIsFromTheFuture() {
        Instant edge = NOW.plus(Duration.ofMinutes(5));

        assertThat(validator.checkShape(record(1, Duration.ofHours(1), edge))).isEqualTo(WriteStatus.OK);
        assertThat(validator.checkShape(record(1, Duration.ofHours(1), edge.plusMillis(1))))
                .isEqualTo(WriteStatus.FROM_FUTURE);
        assertThat(validator.checkShape(entry(1, Duration.ofHours(1), edge.plusMillis(1))))
                .isEqualTo(WriteStatus.FROM_FUTURE);
    }

    @Test
    void aRecordWhoseLifetimeEndedIsExpired() {
        assertThat(validator.checkShape(record(1, Duration.ofHours(1), NOW.minus(Duration.ofHours(1)))))
                .as("expires exactly now").isEqualTo(WriteStatus.EXPIRED);
        assertThat(validator.checkShape(record(1, Duration.ofHours(1), NOW.minus(Duration.ofHours(2)))))
                .isEqualTo(WriteStatus.EXPIRED);
        assertThat(validator.checkShape(record(1, Duration.ofHours(1), NOW.minus(Duration.ofMinutes(59)))))
                .isEqualTo(WriteStatus.OK);
        assertThat(validator.checkShape(entry(1, Duration.ofHours(1), NOW.minus(Duration.ofHours(3)))))
                .isEqualTo(WriteStatus.EXPIRED);
    }

    @Test
    void theVerdictFollowsTheClock() {
        OwnedRecord r = record(1, Duration.ofHours(1), NOW);

        clock.advance(Duration.ofMinutes(59));
        assertThat(validator.check(r)).isEqualTo(WriteStatus.OK);
        clock.advance(Duration.ofMinutes(1));
        assertThat(validator.check(r)).isEqualTo(WriteStatus.EXPIRED);
    }

    @Test
    void aTamperedRecordHasABadSignature() {
        OwnedRecord r = record(4, Duration.ofHours(1), NOW);

        assertThat(validator.checkShape(withValue(r, new byte[] {1, 2, 3, 4}))).isEqualTo(WriteStatus.OK);
        assertThat(validator.check(withValue(r, new byte[] {1, 2, 3, 4}))).isEqualTo(WriteStatus.BAD_SIGNATURE);
    }

    @Test
    void shapeProblemsAreReportedBeforeTheSignature() {
        OwnedRecord tamperedAndHuge = withValue(record(1, Duration.ofHours(1), NOW), new byte[500]);

        assertThat(validator.check(tamperedAndHuge)).isEqualTo(WriteStatus.TOO_LARGE);
    }
}
