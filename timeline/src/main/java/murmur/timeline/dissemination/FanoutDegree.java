package murmur.timeline.dissemination;

import java.util.OptionalLong;

/**
 * How {@code timeline.fanoutDegree: auto} picks the degree of the author's tree from its upload rate: the widest of
 * 2, 4 and 8 whose copies of a post the uplink sends within one typical wide-area one-way delay, {@value #HOP_MILLIS}
 * ms, counting {@value #COPY_BYTES} bytes a copy (a post, its share of the subtree and the framing). Every level of
 * the tree costs a hop, that delay, while a wider level costs only the time the extra copies take to leave; so a
 * tree is as wide as the uplink sends within a hop's time. That is degree 4 from 400 kbit/s and 8 from 800 kbit/s.
 * {@code bench fanout} (40 ms, 1 to 10 Mbit/s, 100 to 1000 followers) found degree 8 the fastest tree everywhere and
 * binary the slowest. Without a rate, configured or measured ({@link MeasuredDegree}), the tree stays binary.
 */
public final class FanoutDegree {
    /** The one-way delay a hop is taken to cost. */
    static final int HOP_MILLIS = 40;
    /** Bytes one copy of a post is taken to put on the wire. */
    static final int COPY_BYTES = 512;
    private static final int WIDEST = 8;

    private FanoutDegree() {}

    /** 2 when the rate is unknown or below 400 kbit/s, 4 from 400 kbit/s, 8 from 800 kbit/s. */
    public static int forUplink(OptionalLong bitsPerSecond) {
        if (bitsPerSecond.isEmpty()) {
            return FanoutTree.BINARY;
        }
        long bytesPerHop = bitsPerSecond.getAsLong() / 8 * HOP_MILLIS / 1000;
        int degree = FanoutTree.BINARY;
        while (degree * 2 <= WIDEST && (long) degree * 2 * COPY_BYTES <= bytesPerHop) {
            degree *= 2;
        }
        return degree;
    }
}
