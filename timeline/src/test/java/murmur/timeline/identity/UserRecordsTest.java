package murmur.timeline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.timeline.TimelineException;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordJson;
import org.junit.jupiter.api.Test;

class UserRecordsTest {
    private final SigningKey key = SigningKey.generate();

    @Test
    void aWellFormedRecordDecodes() {
        UserRecordValue v = seal(key.publicKey(), new KdfParams(1024, 1, 1));
        assertThat(UserRecords.decode("alice", record(key, RecordJson.encode(v))).publicKey())
                .isEqualTo(key.publicKey());
    }

    @Test
    void aRecordWhoseInnerKeyIsNotItsSignerIsRefused() {
        UserRecordValue v = seal(SigningKey.generate().publicKey(), new KdfParams(1024, 1, 1));
        assertThatThrownBy(() -> UserRecords.decode("alice", record(key, RecordJson.encode(v))))
                .isInstanceOf(TimelineException.class).hasMessageContaining("not the key that signed it");
    }

    @Test
    void absurdKdfParametersAreRefusedBeforeAnyoneDerivesWithThem() {
        UserRecordValue v = seal(key.publicKey(), new KdfParams(1024, 1, 1));
        UserRecordValue hostile = new UserRecordValue(1, v.publicKey(), v.salt(), Integer.MAX_VALUE, 1, 1, v.nonce(),
                v.sealedKey(), 0);
        assertThatThrownBy(() -> UserRecords.decode("alice", record(key, RecordJson.encode(hostile))))
                .isInstanceOf(TimelineException.class).hasMessageContaining("out of bounds");
    }

    @Test
    void garbageIsACorruptRecord() {
        byte[] junk = "{\"version\":1,\"publicKey\":[[[[".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UserRecords.decode("alice", record(key, junk)))
                .isInstanceOfSatisfying(TimelineException.class,
                        e -> assertThat(e.reason()).isEqualTo(TimelineException.Reason.CORRUPT_RECORD));
    }

    private UserRecordValue seal(byte[] publicKey, KdfParams kdf) {
        return KeyVault.seal("alice", publicKey, key.privateKeyBytes(), "password", kdf, 0, new SecureRandom());
    }

    private static OwnedRecord record(SigningKey signer, byte[] value) {
        return OwnedRecord.sign(signer, Keys.user("alice"), value, 1, Duration.ofDays(1), Instant.now());
    }
}
