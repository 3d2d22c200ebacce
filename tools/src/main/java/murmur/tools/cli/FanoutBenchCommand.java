package murmur.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import murmur.tools.fanout.FanoutBenchOptions;
import murmur.tools.fanout.FanoutBenchResult;
import murmur.tools.fanout.FanoutBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code murmur bench fanout}: post dissemination down the follower tree versus one send per follower. */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Start one author and N follower peers on loopback, a fraction F offline; send posts down the "
                + "follower tree and then to each follower directly, and compare.")
final class FanoutBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--followers", defaultValue = "1000",
            description = "follower peers (default: ${DEFAULT-VALUE})")
    private int followers;

    @Option(names = "--offline", defaultValue = "0.1",
            description = "fraction of followers offline (default: ${DEFAULT-VALUE})")
    private double offline;

    @Option(names = "--posts", defaultValue = "5",
            description = "measured posts per mode (default: ${DEFAULT-VALUE})")
    private int posts;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() {
        FanoutBenchOptions options;
        try {
            options = new FanoutBenchOptions(followers, offline, posts, seed);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("murmur bench fanout: " + e.getMessage());
            return 2;
        }
        FanoutBenchResult result = new FanoutBenchmark(options).run();
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.toJson());
        out.flush();
        return 0;
    }
}
