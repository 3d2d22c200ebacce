package murmur.timeline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;
import murmur.config.TimelineSettings;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.timeline.TimelineException;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordJson;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: the sealed account key is public, so each Argon2id run is what an offline guess costs; and a
 * record from the network names the cost a login pays, so a hostile one must not make a peer spend gigabytes.
 */
class KdfCostAttackTest {
    private static final int GIB_KIB = 1024 * 1024;
    private final SigningKey key = SigningKey.generate();

    @Test
    void theShippedDefaultsCostAGuesserAtLeast256MibAndThreePassesPerGuess() {
        TimelineSettings t = SettingsLoader.load(Optional.empty(), List.of()).timeline();
        assertThat(t.kdfMemoryKib()).isGreaterThanOrEqualTo(256 * 1024);
        assertThat(t.kdfIterations()).isGreaterThanOrEqualTo(3);
        assertThat(new KdfParams(t.kdfMemoryKib(), t.kdfIterations(), t.kdfParallelism()).problem())
                .as("an account made with the defaults opens on every other peer").isEmpty();
    }

    @Test
    void aRecordAskingForFourGibPerGuessIsRefusedSayingWhy() {
        assertRefused(new KdfParams(4 * GIB_KIB, 1, 1), "4096 MiB of memory");
    }

    @Test
    void aRecordAskingForAMillionPassesIsRefused() {
        assertRefused(new KdfParams(1024, 1_000_000, 1), "1000000 passes");
    }

    @Test
    void aRecordAskingForAGibTimesAHundredPassesIsRefused() {
        assertRefused(new KdfParams(GIB_KIB, 100, 1), "100 passes");
        assertRefused(new KdfParams(GIB_KIB, 8, 1), "more work than");
    }

    @Test
    void theSettingsCannotMakeAccountsThatOtherPeersWouldRefuse() {
        assertThat(new KdfParams(TimelineSettings.MAX_KDF_MEMORY_KIB, 1, 1).problem()).isEmpty();
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(),
                List.of("timeline.kdfMemoryKib=" + (TimelineSettings.MAX_KDF_MEMORY_KIB + 1))))
                .hasMessageContaining("timeline.kdfMemoryKib");
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of("timeline.kdfIterations=100")))
                .hasMessageContaining("timeline.kdfIterations");
    }

    @Test
    void openingAHostileRecordFailsAtOnceWithoutDeriving() {
        UserRecordValue v = seal(new KdfParams(1024, 1, 1));
        UserRecordValue hostile = new UserRecordValue(1, v.publicKey(), v.salt(), 4 * GIB_KIB, 16, 1, v.nonce(),
                v.sealedKey(), 0);
        long start = System.nanoTime();
        assertThatThrownBy(() -> KeyVault.open("alice", hostile, "correct horse battery staple"))
                .isInstanceOfSatisfying(TimelineException.class,
                        e -> assertThat(e.reason()).isEqualTo(TimelineException.Reason.CORRUPT_RECORD))
                .hasMessageContaining("4096 MiB");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    private void assertRefused(KdfParams params, String why) {
        UserRecordValue v = seal(new KdfParams(1024, 1, 1));
        UserRecordValue hostile = new UserRecordValue(1, v.publicKey(), v.salt(), params.memoryKib(),
                params.iterations(), params.parallelism(), v.nonce(), v.sealedKey(), 0);
        OwnedRecord record = OwnedRecord.sign(key, Keys.user("alice"), RecordJson.encode(hostile), 1,
                Duration.ofDays(1), Instant.now());
        assertThatThrownBy(() -> UserRecords.decode("alice", record))
                .isInstanceOfSatisfying(TimelineException.class,
                        e -> assertThat(e.reason()).isEqualTo(TimelineException.Reason.CORRUPT_RECORD))
                .hasMessageContaining("unusable").hasMessageContaining(why);
    }

    private UserRecordValue seal(KdfParams kdf) {
        return KeyVault.seal("alice", key.publicKey(), key.privateKeyBytes(), "password", kdf, 0, new SecureRandom());
    }
}
