package murmur.timeline.identity;

import java.util.Arrays;
import murmur.dht.OwnedRecord;
import murmur.timeline.TimelineException;
import murmur.timeline.records.RecordJson;
import murmur.transport.Ed25519;

/** Decodes and checks {@code user/<name>} records read from the network. */
public final class UserRecords {
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int SEALED_BYTES = 32 + 16;

    private UserRecords() {}

    /**
     * The record's value, checked: the DHT owner must be the public key inside, sizes must be right and the KDF
     * parameters within limits. Fails with {@code CORRUPT_RECORD}.
     */
    public static UserRecordValue decode(String name, OwnedRecord record) {
        UserRecordValue v = RecordJson.decode(record.value(), UserRecordValue.class, "user/" + name);
        String problem = null;
        if (v.version() != UserRecordValue.VERSION) {
            problem = "unsupported version " + v.version();
        } else if (v.publicKey() == null || v.publicKey().length != Ed25519.PUBLIC_KEY_BYTES
                || !Arrays.equals(v.publicKey(), record.owner())) {
            problem = "its public key is not the key that signed it";
        } else if (v.salt() == null || v.salt().length != SALT_BYTES || v.nonce() == null
                || v.nonce().length != NONCE_BYTES || v.sealedKey() == null || v.sealedKey().length != SEALED_BYTES) {
            problem = "salt, nonce or sealed key has the wrong size";
        } else if (v.kdf().problem().isPresent()) {
            problem = "its key-derivation parameters are out of bounds: " + v.kdf().problem().get();
        }
        if (problem != null) {
            throw new TimelineException(TimelineException.Reason.CORRUPT_RECORD,
                    "the account record of '" + name + "' is unusable: " + problem);
        }
        return v;
    }
}
