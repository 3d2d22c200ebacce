package murmur.tools.fanout;

import java.util.Locale;

/**
 * The figures of one {@link FanoutBenchmark} run; {@link #toJson()} is the one-line summary. Latencies run from
 * the author's send to each follower's stored copy, over all measured posts; sends are per post.
 */
public record FanoutBenchResult(int followers, int offline, int reached, int expected, double treeP50Ms,
        double treeMaxMs, double unicastP50Ms, double unicastMaxMs, double authorSendsTree,
        double authorSendsUnicast, int maxDepth, int receipts, int posts) {

    public String toJson() {
        return String.format(Locale.ROOT, "{\"bench\":\"fanout\",\"followers\":%d,\"offline\":%d,\"reached\":%d,"
                + "\"expected\":%d,\"tree_p50_ms\":%.2f,\"tree_max_ms\":%.2f,\"unicast_p50_ms\":%.2f,"
                + "\"unicast_max_ms\":%.2f,\"author_sends_tree\":%.1f,\"author_sends_unicast\":%.1f,"
                + "\"max_depth\":%d,\"receipts\":%d,\"posts\":%d}",
                followers, offline, reached, expected, treeP50Ms, treeMaxMs, unicastP50Ms, unicastMaxMs,
                authorSendsTree, authorSendsUnicast, maxDepth, receipts, posts);
    }
}
