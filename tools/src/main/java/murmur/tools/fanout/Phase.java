package murmur.tools.fanout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import murmur.timeline.testing.UplinkShaper.Counts;

/** Figures gathered over the measured posts of one way of sending. */
final class Phase {
    private final List<Double> latencies = new ArrayList<>();
    private int posts;
    private long sends;
    private int reached = Integer.MAX_VALUE;
    private long bytes;
    private int peakInFlight;
    private int peakPeers;
    private int maxDepth;
    private int receipts = Integer.MAX_VALUE;

    /**
     * One measured post: when each follower had it, the author's sends, the followers it reached, its depth, what
     * the author's uplink counted, and the followers whose receipts the author counted.
     */
    void add(List<Double> postLatencies, int authorSends, int followersReached, int depth, Counts author,
            int postReceipts) {
        latencies.addAll(postLatencies);
        posts++;
        sends += authorSends;
        reached = Math.min(reached, followersReached);
        maxDepth = Math.max(maxDepth, depth);
        bytes += author.wireBytes();
        peakInFlight = Math.max(peakInFlight, author.peakInFlight());
        peakPeers = Math.max(peakPeers, author.peakPeers());
        receipts = Math.min(receipts, postReceipts);
    }

    /** The fewest followers whose receipts the author counted for one measured post. */
    int receipts() {
        return posts == 0 ? 0 : receipts;
    }

    /** The author's bytes on the wire per post. */
    double bytesPerPost() {
        return posts == 0 ? 0 : (double) bytes / posts;
    }

    /** The most requests the author had in flight at once. */
    int peakInFlight() {
        return peakInFlight;
    }

    /** The most peers the author had a request in flight to at once. */
    int peakPeers() {
        return peakPeers;
    }

    /** The deepest first arrival of any measured post. */
    int maxDepth() {
        return maxDepth;
    }

    /** Followers that got every measured post. */
    int reached() {
        return posts == 0 ? 0 : reached;
    }

    double sendsPerPost() {
        return posts == 0 ? 0 : (double) sends / posts;
    }

    double p50() {
        return percentile(0.50);
    }

    double max() {
        return latencies.isEmpty() ? 0 : Collections.max(latencies);
    }

    private double percentile(double q) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
