package murmur.timeline;

import java.util.Locale;

/**
 * How this peer sends its user's posts: as {@code degree} copies, to the first followers of a tree who pass them on
 * (so the copies leaving this computer do not grow with the followers), and the upload rate that degree was picked
 * for.
 *
 * @param degree              copies of each post this peer sends: 2 (a binary tree) to 16
 * @param uplinkBitsPerSecond the upload rate the degree was picked for, set or measured; 0 when not known
 * @param basis               where the degree comes from
 */
public record Fanout(int degree, long uplinkBitsPerSecond, Basis basis) {

    /** Before the uplink has been measured: a binary tree. */
    public static final Fanout NOT_MEASURED = new Fanout(2, 0, Basis.NOT_MEASURED_YET);

    /** Where a degree comes from. */
    public enum Basis {
        /** {@code timeline.fanoutDegree} names it. */
        SET_DEGREE,
        /** Picked from {@code timeline.uplink}. */
        SET_UPLINK,
        /** Picked from the upload rate this peer measured against a follower's peer. */
        MEASURED,
        /** {@code auto}, but no upload rate has been measured yet (it is after an own post has left). */
        NOT_MEASURED_YET
    }

    /** For the status bar: "Uplink 12.5 Mbit/s (measured) · each post leaves as 8 copies". */
    public String words() {
        String copies = "each post leaves as " + degree + " copies";
        return switch (basis) {
            case SET_DEGREE -> "Each post leaves as " + degree + " copies";
            case SET_UPLINK -> "Uplink " + rate(uplinkBitsPerSecond) + " (from settings) · " + copies;
            case MEASURED -> "Uplink " + rate(uplinkBitsPerSecond) + " (measured) · " + copies;
            case NOT_MEASURED_YET -> "Uplink not measured yet · " + copies;
        };
    }

    /** {@code bitsPerSecond} as people read a line's rate: "850 kbit/s", "12.5 Mbit/s", "1.2 Gbit/s". */
    static String rate(long bitsPerSecond) {
        long kbit = Math.max(1, Math.round(bitsPerSecond / 1e3));
        if (kbit < 1000) {
            return kbit + " kbit/s";
        }
        if (Math.round(bitsPerSecond / 1e5) < 10_000) {
            return String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f Gbit/s", bitsPerSecond / 1e9);
    }
}
