package murmur.timeline.link;

/** A direct request that failed, with the {@link Kind} of failure so callers can tell whether to try again. */
public final class LinkException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The peer could not be connected to. */
        UNREACHABLE,
        /** The connection closed before the answer came. */
        CLOSED,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** The peer answered with an error; the message is the peer's text. */
        REMOTE_ERROR,
        /** The request body is larger than a frame may be. */
        TOO_LARGE,
        /** This side's link has been closed. */
        SHUT_DOWN
    }

    private final Kind kind;

    public LinkException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the same request may succeed later: the peer was unreachable, dropped the connection or was slow. */
    public boolean retryable() {
        return kind == Kind.UNREACHABLE || kind == Kind.CLOSED || kind == Kind.TIMEOUT;
    }
}
