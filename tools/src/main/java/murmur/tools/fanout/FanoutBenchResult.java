package murmur.tools.fanout;

import java.util.Locale;

/**
 * The figures of one {@link FanoutBenchmark} run for one tree degree; {@link #toJson()} is the one-line summary.
 * Latencies run from the author's send to each follower's stored copy, over all measured posts; sends are per post.
 * The author's bytes are what its requests put on the (emulated) wire per post, framing and TCP/IP headers included;
 * its peaks are the most requests in flight (sent, queued on the uplink or unanswered) and the most peers with a
 * request in flight at once, over the measured posts: what the author's uplink shaper saw. Receipts are the fewest
 * followers the author counted for one measured post. The CPU bound is every online follower's check of the post's
 * signature ({@code verify_us}, measured warm here) spread over the machine's cores: the least time a post can take
 * to reach all followers on this machine, whichever way it travels. With {@code --degree auto} the degree is the
 * one picked from {@code measuredUplinkBitsPerSecond}, what the author's uplink probe read (0 for a set degree).
 * The receipts' times are the slowest measured post's, from the send until the author had counted every follower's
 * receipt (to within 5 ms; 10 s means some never came). A maximum is one arrival of thousands, so the line also
 * gives both ways' 99th percentile and, round by round, in how many of the {@code posts} rounds the tree's post had
 * reached every follower no later than unicast's post of the same round. The CPU figures are the CPU time per
 * measured post (a mean), every thread of this one process (all peers, the author, the collector), from the send
 * until the last follower had it, and that time over the wall-clock time: how many of the machine's cores the posts
 * kept busy. Both ways check the same signatures on the same cores, so the way that keeps the cores busier, with no
 * more CPU time, reaches its last follower first.
 */
public record FanoutBenchResult(int followers, int offline, int reached, int expected, double treeP50Ms,
        double treeMaxMs, double unicastP50Ms, double unicastMaxMs, double authorSendsTree,
        double authorSendsUnicast, int maxDepth, int receipts, int posts, int degree, long linkLatencyMs,
        long uplinkBitsPerSecond, int unicastReached, double authorBytesTree, double authorBytesUnicast,
        int authorPeakInFlightTree, int authorPeakInFlightUnicast, int authorPeakPeersTree,
        int authorPeakPeersUnicast, int receiptsUnicast, int warmup, double verifyMicros, double cpuBoundMs,
        long measuredUplinkBitsPerSecond, double treeReceiptsMs, double unicastReceiptsMs, double treeP99Ms,
        double unicastP99Ms, int roundsTreeNoSlower, double treeCpuMs, double unicastCpuMs, double treeCoresBusy,
        double unicastCoresBusy) {

    /** The tree's median latency in units of the CPU bound. */
    public double treeP50OverBound() {
        return cpuBoundMs <= 0 ? 0 : treeP50Ms / cpuBoundMs;
    }

    /** The tree's slowest arrival against unicast's: at or below 1, the tree is no slower to reach everyone. */
    public double treeMaxOverUnicastMax() {
        return unicastMaxMs <= 0 ? 0 : treeMaxMs / unicastMaxMs;
    }

    public String toJson() {
        return String.format(Locale.ROOT, "{\"bench\":\"fanout\",\"followers\":%d,\"offline\":%d,\"reached\":%d,"
                + "\"expected\":%d,\"tree_p50_ms\":%.2f,\"tree_max_ms\":%.2f,\"unicast_p50_ms\":%.2f,"
                + "\"unicast_max_ms\":%.2f,\"author_sends_tree\":%.1f,\"author_sends_unicast\":%.1f,"
                + "\"max_depth\":%d,\"receipts\":%d,\"posts\":%d,\"degree\":%d,\"link_latency_ms\":%d,"
                + "\"uplink_bps\":%d,\"unicast_reached\":%d,\"author_bytes_tree\":%.0f,\"author_bytes_unicast\":%.0f,"
                + "\"author_peak_in_flight_tree\":%d,\"author_peak_in_flight_unicast\":%d,"
                + "\"author_peak_peers_tree\":%d,\"author_peak_peers_unicast\":%d,\"receipts_unicast\":%d,"
                + "\"warmup\":%d,\"verify_us\":%.1f,\"cpu_bound_ms\":%.2f,\"tree_p50_over_bound\":%.2f,"
                + "\"tree_max_over_unicast_max\":%.2f,\"measured_uplink_bps\":%d,\"tree_receipts_ms\":%.0f,"
                + "\"unicast_receipts_ms\":%.0f,\"tree_p99_ms\":%.2f,\"unicast_p99_ms\":%.2f,"
                + "\"rounds_tree_no_slower\":%d,\"tree_cpu_ms\":%.1f,\"unicast_cpu_ms\":%.1f,"
                + "\"tree_cores_busy\":%.2f,\"unicast_cores_busy\":%.2f}",
                followers, offline, reached, expected, treeP50Ms, treeMaxMs, unicastP50Ms, unicastMaxMs,
                authorSendsTree, authorSendsUnicast, maxDepth, receipts, posts, degree, linkLatencyMs,
                uplinkBitsPerSecond, unicastReached, authorBytesTree, authorBytesUnicast, authorPeakInFlightTree,
                authorPeakInFlightUnicast, authorPeakPeersTree, authorPeakPeersUnicast, receiptsUnicast, warmup,
                verifyMicros, cpuBoundMs, treeP50OverBound(), treeMaxOverUnicastMax(), measuredUplinkBitsPerSecond,
                treeReceiptsMs, unicastReceiptsMs, treeP99Ms, unicastP99Ms, roundsTreeNoSlower, treeCpuMs,
                unicastCpuMs, treeCoresBusy, unicastCoresBusy);
    }
}
