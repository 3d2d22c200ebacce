package murmur.dht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {
    private final TestClock clock = new TestClock();
    private final RecordValidator validator = new RecordValidator(SettingsLoader.defaults().dht(), clock);
    private final OwnedRecord genuine = OwnedRecord.sign(SigningKey.generate(), NodeId.ofKey("user/alice"),
            "alice".getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1), clock.instant());

    @Test
    void aCopyVerifiedOnceIsNotVerifiedAgain() {
        VerifiedSignatures cache = new VerifiedSignatures(10);
        AtomicInteger checks = new AtomicInteger();

        assertThat(cache.valid(new byte[] {1, 2, 3}, () -> checks.incrementAndGet() > 0)).isTrue();
        assertThat(cache.valid(new byte[] {1, 2, 3}, () -> checks.incrementAndGet() > 0)).isTrue();

        assertThat(checks).hasValue(1);
    }

    /** Attack: the same forgery sent again and again cost a full Ed25519 check each time; a genuine copy, a hash. */
    @Test
    void aForgerySentAgainCostsAHashNotACheckAndTheOldestEntriesLeaveFirst() {
        VerifiedSignatures cache = new VerifiedSignatures(2);
        AtomicInteger checks = new AtomicInteger();
        assertThat(cache.valid(new byte[] {9}, () -> checks.incrementAndGet() < 0)).isFalse();
        assertThat(cache.valid(new byte[] {9}, () -> checks.incrementAndGet() < 0)).isFalse();
        assertThat(checks).as("checks of the same forgery").hasValue(1);
        cache.valid(new byte[] {1}, () -> true);
        cache.valid(new byte[] {2}, () -> true);

        assertThat(cache.valid(new byte[] {9}, () -> checks.incrementAndGet() < 0)).as("evicted, so checked again")
                .isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTamperedCopyOfAVerifiedRecordIsStillRefused() {
        assertThat(validator.signatureValid(genuine)).isTrue();
        OwnedRecord tampered = new OwnedRecord(genuine.key(), "mallory".getBytes(StandardCharsets.UTF_8),
                genuine.seq(), genuine.issuedAtMillis(), genuine.ttlSeconds(), genuine.owner(), genuine.signature());

        assertThat(validator.signatureValid(tampered)).isFalse();
        assertThat(validator.signatureValid(genuine)).isTrue();
    }
}
