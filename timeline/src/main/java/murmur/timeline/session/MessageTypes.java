package murmur.timeline.session;

/** Request types on the direct peer link. */
public final class MessageTypes {
    /** A signed follow / unfollow notice for the receiving user; the body is the encoded set entry. */
    public static final int FOLLOW_NOTICE = 1;

    private MessageTypes() {}
}
