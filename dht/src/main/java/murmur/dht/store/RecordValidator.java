package murmur.dht.store;

import java.time.Clock;
import murmur.config.DhtSettings;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;
import murmur.dht.wire.RecordBytes;

/**
 * Checks a record or entry on its own: size, time-to-live, issue time, an entry's proof of work and the signature.
 * Knows nothing of users.
 */
public final class RecordValidator {
    static final int VERIFIED_CAPACITY = 100_000;

    private final DhtSettings settings;
    private final Clock clock;
    private final VerifiedSignatures verified = new VerifiedSignatures(VERIFIED_CAPACITY);

    public RecordValidator(DhtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The signature verifies; a copy already verified by this validator costs only a hash. */
    public boolean signatureValid(OwnedRecord r) {
        return verified.valid(RecordBytes.encode(r), r::signatureValid);
    }

    public boolean signatureValid(SetEntry e) {
        return verified.valid(RecordBytes.encode(e), e::signatureValid);
    }

    /** Everything but the signature, which callers check last because it costs the most. */
    public WriteStatus checkShape(OwnedRecord r) {
        if (r.value().length > settings.maxValueBytes()) {
            return WriteStatus.TOO_LARGE;
        }
        return checkTimes(r.issuedAtMillis(), r.ttlSeconds());
    }

    /** As for records, and the entry must carry {@code dht.setMinWorkBits} of work (one hash to check). */
    public WriteStatus checkShape(SetEntry e) {
        if (e.value().length > settings.maxEntryBytes()) {
            return WriteStatus.TOO_LARGE;
        }
        if (e.tombstone() && e.value().length > 0) {
            return WriteStatus.TOO_LARGE;
        }
        WriteStatus times = checkTimes(e.issuedAtMillis(), e.ttlSeconds());
        if (times != WriteStatus.OK) {
            return times;
        }
        return e.work() < settings.setMinWorkBits() ? WriteStatus.LOW_WORK : WriteStatus.OK;
    }

    public WriteStatus check(OwnedRecord r) {
        WriteStatus shape = checkShape(r);
        return shape != WriteStatus.OK ? shape : signatureValid(r) ? WriteStatus.OK : WriteStatus.BAD_SIGNATURE;
    }

    public WriteStatus check(SetEntry e) {
        WriteStatus shape = checkShape(e);
        return shape != WriteStatus.OK ? shape : signatureValid(e) ? WriteStatus.OK : WriteStatus.BAD_SIGNATURE;
    }

    private WriteStatus checkTimes(long issuedAtMillis, int ttlSeconds) {
        if (ttlSeconds <= 0 || ttlSeconds > settings.maxTtl().toSeconds()) {
            return WriteStatus.BAD_TTL;
        }
        long now = clock.millis();
        if (issuedAtMillis > now + settings.maxClockSkew().toMillis()) {
            return WriteStatus.FROM_FUTURE;
        }
        if (issuedAtMillis + ttlSeconds * 1000L <= now) {
            return WriteStatus.EXPIRED;
        }
        return WriteStatus.OK;
    }
}
