package murmur.timeline.dissemination;

import java.util.OptionalLong;

/**
 * How {@code timeline.fanoutDegree: auto} picks the degree of the author's tree from its upload rate. Every copy
 * the author sends is a whole post, so a slow uplink sends few; a fast one sends more and saves hops, each a
 * one-way network delay. Without a known rate the tree stays binary.
 */
public final class FanoutDegree {
    /** At or above this rate, a tree of degree 4. */
    public static final long FOUR_FROM = 2_000_000L;
    /** At or above this rate, a tree of degree 8. */
    public static final long EIGHT_FROM = 10_000_000L;

    private FanoutDegree() {}

    /** 2 below 2 Mbit/s or when the rate is unknown, 4 from 2 Mbit/s, 8 from 10 Mbit/s. */
    public static int forUplink(OptionalLong bitsPerSecond) {
        if (bitsPerSecond.isEmpty() || bitsPerSecond.getAsLong() < FOUR_FROM) {
            return FanoutTree.BINARY;
        }
        return bitsPerSecond.getAsLong() < EIGHT_FROM ? 4 : 8;
    }
}
