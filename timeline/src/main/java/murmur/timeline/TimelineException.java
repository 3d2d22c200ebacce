package murmur.timeline;

/** Why an action of the user failed, in words a user can read, with a {@link Reason} code for programs. */
public final class TimelineException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        INVALID_NAME,
        NAME_TAKEN,
        UNKNOWN_USER,
        WRONG_PASSWORD,
        INVALID_PASSWORD,
        NO_NETWORK,
        EMPTY_POST,
        POST_TOO_LONG,
        CANNOT_FOLLOW_SELF,
        CORRUPT_RECORD,
        LOGGED_OUT,
        STORAGE,
        /** Another Murmur runs on the same data directory; the message names its process. */
        DATA_DIR_IN_USE,
        /** The recovery phrase is not 24 words from the BIP-39 English list, or its checksum does not match. */
        INVALID_PHRASE,
        /** A valid recovery phrase, but not this account's. */
        WRONG_PHRASE,
        /** No such device in the account's device list. */
        UNKNOWN_DEVICE,
        /** The device was revoked; it must be signed in again. */
        DEVICE_REVOKED,
        CANNOT_REVOKE_SELF,
        /** Only a post's author can delete it. */
        NOT_YOUR_POST,
        /** A delete, or a repost whose original is gone, has nothing to repost or quote. */
        NOTHING_TO_REPOST
    }

    private final Reason reason;

    public TimelineException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TimelineException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
