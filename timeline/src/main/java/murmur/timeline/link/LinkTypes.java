package murmur.timeline.link;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request type on the peer link, in one place: a number is forever (add new ones, never reuse one). A link
 * refuses a second handler for a number at start ({@link PeerLink#onRequest}), so two features cannot claim it.
 */
public final class LinkTypes {
    /** A signed follow / unfollow notice for the receiving user; the body is the encoded set entry. */
    public static final int FOLLOW_NOTICE = 1;
    /** A post going down the dissemination tree; answered once the receiver has checked and stored it. */
    public static final int PUSH = 10;
    /** Names of followers that now hold a post, going one hop back up the tree. */
    public static final int RECEIPT = 11;
    /** A catch-up page request. */
    public static final int FETCH = 12;
    /** A hole-punching request over a relayed connection: the dialer's public endpoint; answered with the peer's. */
    public static final int PUNCH = 13;
    /** Filler bytes that time this peer's upload rate; answered with nothing once they all arrived. */
    public static final int UPLINK_PROBE = 14;

    private LinkTypes() {}

    /** Every type by number, with its constant's name; fails if two constants share a number. */
    public static Map<Integer, String> all() {
        Map<Integer, String> byCode = new TreeMap<>();
        for (Field f : LinkTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    String clash = byCode.put(f.getInt(null), f.getName());
                    if (clash != null) {
                        throw new IllegalStateException("link type " + f.getInt(null) + " is both " + clash + " and "
                                + f.getName());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return byCode;
    }
}
