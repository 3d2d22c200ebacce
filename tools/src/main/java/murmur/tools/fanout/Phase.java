package murmur.tools.fanout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import murmur.timeline.testing.UplinkShaper.Counts;

/** Figures gathered over the measured posts of one way of sending. */
final class Phase {
    private final List<Double> latencies = new ArrayList<>();
    private final List<Double> postMaxima = new ArrayList<>();
    private int posts;
    private long sends;
    private int reached = Integer.MAX_VALUE;
    private long bytes;
    private int peakInFlight;
    private int peakPeers;
    private int maxDepth;
    private int receipts = Integer.MAX_VALUE;
    private double receiptsMaxMs;
    private double cpuMs;
    private double wallMs;

    /**
     * One measured post: when each follower had it, the author's sends, the followers it reached, its depth, what
     * the author's uplink counted, the followers whose receipts the author counted, and when it had counted them
     * all (ms after the send), and the process's CPU time from the send until every follower had it (ms).
     */
    void add(List<Double> postLatencies, int authorSends, int followersReached, int depth, Counts author,
            int postReceipts, double receiptsMs, double postCpuMs) {
        latencies.addAll(postLatencies);
        postMaxima.add(postLatencies.isEmpty() ? 0.0 : Collections.max(postLatencies));
        posts++;
        sends += authorSends;
        reached = Math.min(reached, followersReached);
        maxDepth = Math.max(maxDepth, depth);
        bytes += author.wireBytes();
        peakInFlight = Math.max(peakInFlight, author.peakInFlight());
        peakPeers = Math.max(peakPeers, author.peakPeers());
        receipts = Math.min(receipts, postReceipts);
        receiptsMaxMs = Math.max(receiptsMaxMs, receiptsMs);
        cpuMs += postCpuMs;
        wallMs += postMaxima.get(postMaxima.size() - 1);
    }

    /**
     * The process's CPU time per measured post, every thread, from the send until the last arrival: a mean, as the
     * operating system counts CPU time in ticks of 10 ms, coarser than one post.
     */
    double cpuMs() {
        return posts == 0 ? 0 : cpuMs / posts;
    }

    /** That CPU time over the time to the last arrival, over all measured posts: how many cores they kept busy. */
    double coresBusy() {
        return wallMs <= 0 ? 0 : cpuMs / wallMs;
    }

    /** The longest a measured post took, from the send, until the author had counted every receipt. */
    double receiptsMaxMs() {
        return receiptsMaxMs;
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

    double p99() {
        return percentile(0.99);
    }

    /**
     * The measured posts (in the order sent) of this phase whose last arrival came no later than that of the post
     * {@code other} sent in the same round.
     */
    int noSlowerThan(Phase other) {
        int n = 0;
        for (int i = 0; i < Math.min(postMaxima.size(), other.postMaxima.size()); i++) {
            if (postMaxima.get(i) <= other.postMaxima.get(i)) {
                n++;
            }
        }
        return n;
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
