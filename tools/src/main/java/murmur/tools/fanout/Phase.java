package murmur.tools.fanout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Figures gathered over the measured posts of one way of sending. */
final class Phase {
    private final List<Double> latencies = new ArrayList<>();
    private int posts;
    private long sends;
    private int reached = Integer.MAX_VALUE;

    void add(List<Double> postLatencies, int authorSends, int followersReached) {
        latencies.addAll(postLatencies);
        posts++;
        sends += authorSends;
        reached = Math.min(reached, followersReached);
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
