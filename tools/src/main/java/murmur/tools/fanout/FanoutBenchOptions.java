package murmur.tools.fanout;

import java.time.Duration;
import java.util.List;

/**
 * What {@link FanoutBenchmark} runs.
 *
 * @param followers   follower peers to start
 * @param offline     fraction of them that are offline (left out of the tree, as their presence says)
 * @param posts       measured posts per mode (each tree degree, and unicast), sent round after round
 * @param warmup      rounds sent first and not measured, so every mode runs on code the JIT compiled (about
 *                    fifteen rounds here before the figures settle)
 * @param seed        random seed choosing who is offline
 * @param linkLatency emulated one-way delay of every peer's requests (and of their answers); zero for none
 * @param uplink      emulated upload rate of every peer in bits per second; 0 for no limit
 * @param degrees     the tree degrees to measure, one after another, each 2 to 16 or {@link #AUTO}: the degree
 *                    {@code timeline.fanoutDegree: auto} picks from the uplink the author measures first
 *                    ({@code UplinkProbe} against a follower, through the author's emulated uplink)
 */
public record FanoutBenchOptions(int followers, double offline, int posts, int warmup, long seed,
        Duration linkLatency, long uplink, List<Integer> degrees) {
    /** Warm-up rounds unless told otherwise. */
    public static final int WARMUP = 15;
    /** In {@link #degrees}: the degree the author picks from its measured uplink. */
    public static final int AUTO = 0;

    public FanoutBenchOptions {
        if (followers < 1 || followers > 5_000) {
            throw new IllegalArgumentException("--followers must be from 1 to 5000, got " + followers);
        }
        if (!(offline >= 0 && offline < 1)) {
            throw new IllegalArgumentException("--offline must be at least 0 and below 1, got " + offline);
        }
        if (posts < 1 || posts > 1_000) {
            throw new IllegalArgumentException("--posts must be from 1 to 1000, got " + posts);
        }
        if (warmup < 0 || warmup > 100) {
            throw new IllegalArgumentException("--warmup must be from 0 to 100, got " + warmup);
        }
        if (linkLatency.isNegative() || linkLatency.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("--link-latency must be from 0 to 10s, got " + linkLatency.toMillis()
                    + " ms");
        }
        if (uplink < 0 || uplink > 0 && uplink < 8_000) {
            throw new IllegalArgumentException("--uplink must be at least 8kbit, got " + uplink + " bit/s");
        }
        degrees = List.copyOf(degrees);
        if (degrees.isEmpty() || degrees.size() > 8 || degrees.stream().anyMatch(d -> d != AUTO && (d < 2 || d > 16))) {
            throw new IllegalArgumentException("--degree takes 1 to 8 degrees from 2 to 16 or auto, got " + degrees);
        }
    }

    /** Whether peers send through an emulated wide-area uplink. */
    public boolean emulated() {
        return !linkLatency.isZero() || uplink > 0;
    }
}
