package murmur.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import murmur.tools.dht.BenchOptions;
import murmur.tools.dht.BenchResult;
import murmur.tools.dht.DhtBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code murmur bench dht}: the DHT with real sockets on loopback; prints one JSON line. */
@Command(name = "dht", mixinStandardHelpOptions = true,
        description = "Start N DHT nodes on loopback, store and read K records, kill a fraction F, read again.")
final class DhtBenchCommand implements Callable<Integer> {

    @ParentCommand
    private BenchCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "200", description = "nodes to start (default: ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--keys", defaultValue = "1000", description = "records to store (default: ${DEFAULT-VALUE})")
    private int keys;

    @Option(names = "--kill", defaultValue = "0.25",
            description = "fraction of nodes to kill (default: ${DEFAULT-VALUE})")
    private double kill;

    @Option(names = "--concurrency", defaultValue = "16",
            description = "operations in flight (default: ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(names = "--io-threads", defaultValue = "2",
            description = "Netty event loop threads (default: ${DEFAULT-VALUE})")
    private int ioThreads;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--no-warmup",
            description = "skip the small throw-away network that runs first so timings exclude JIT warm-up")
    private boolean noWarmup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BenchOptions options;
        try {
            options = new BenchOptions(nodes, keys, kill, concurrency, ioThreads, seed, !noWarmup);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("murmur bench dht: " + e.getMessage());
            return 2;
        }
        BenchResult result = new DhtBenchmark(parent.settings().dht(), options).run();
        out.println(result.toJson());
        out.flush();
        return 0;
    }
}
