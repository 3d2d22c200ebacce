package murmur.timeline.dissemination;

/** Request types of dissemination on the peer link (follow notices use 1). */
public final class WireTypes {
    /** A post going down the tree; answered once the receiver has checked and stored it. */
    public static final int PUSH = 10;
    /** Names of followers that now hold a post, going one hop back up the tree. */
    public static final int RECEIPT = 11;
    /** A catch-up page request ("Get"). */
    public static final int FETCH = 12;

    private WireTypes() {}
}
