package murmur.tools.fanout;

/**
 * What {@link FanoutBenchmark} runs.
 *
 * @param followers follower peers to start
 * @param offline   fraction of them that are offline (left out of the tree, as their presence says)
 * @param posts     measured posts per mode (tree, then unicast), after one warm-up post each
 * @param seed      random seed choosing who is offline
 */
public record FanoutBenchOptions(int followers, double offline, int posts, long seed) {

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
    }
}
