package murmur.tools.dht;

/**
 * What {@link DhtBenchmark} runs: node count, keys, fraction killed, operations in flight, I/O threads, seed, and
 * whether a small throw-away network runs first so the JIT has compiled the hot paths before anything is timed.
 */
public record BenchOptions(
        int nodes, int keys, double killFraction, int concurrency, int ioThreads, long seed, boolean warmup) {
    public BenchOptions {
        if (nodes < 2 || keys < 1 || concurrency < 1 || ioThreads < 1 || killFraction < 0 || killFraction >= 1) {
            throw new IllegalArgumentException("need nodes >= 2, keys >= 1, concurrency >= 1, 0 <= kill < 1");
        }
    }

    BenchOptions warmupRun() {
        return new BenchOptions(Math.min(nodes, 30), Math.min(keys, 1000), 0, concurrency, ioThreads, seed + 1, false);
    }
}
