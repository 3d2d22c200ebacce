package murmur.tools.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import murmur.config.Durations;
import murmur.config.Rates;
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
                + "follower tree and to each follower directly, round after round, and compare. With --link-latency "
                + "or --uplink every peer sends through an emulated wide-area uplink. One JSON line per tree degree.")
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

    @Option(names = "--warmup", defaultValue = "" + FanoutBenchOptions.WARMUP,
            description = "rounds sent first and not measured (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--link-latency", defaultValue = "0ms", paramLabel = "DURATION",
            description = "emulated one-way delay of every peer's requests and answers, e.g. 40ms "
                    + "(default: ${DEFAULT-VALUE}, none)")
    private String linkLatency;

    @Option(names = "--uplink", defaultValue = "none", paramLabel = "RATE",
            description = "emulated upload rate of every peer, e.g. 2Mbit or 500kbit (default: ${DEFAULT-VALUE})")
    private String uplink;

    @Option(names = "--degree", defaultValue = "2", paramLabel = "D[,D...]",
            description = "tree degrees to measure, 2 to 16, or auto (picked from the uplink the author measures), "
                    + "e.g. 2,4,8,auto (default: ${DEFAULT-VALUE})")
    private String degrees;

    @Override
    public Integer call() {
        FanoutBenchOptions options;
        try {
            options = new FanoutBenchOptions(followers, offline, posts, warmup, seed, latency(), rate(),
                    degreeList());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("murmur bench fanout: " + e.getMessage());
            return 2;
        }
        List<FanoutBenchResult> results = new FanoutBenchmark(options).run();
        PrintWriter out = spec.commandLine().getOut();
        results.forEach(r -> out.println(r.toJson()));
        out.flush();
        return 0;
    }

    private Duration latency() {
        try {
            return Durations.parse(linkLatency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--link-latency: " + e.getMessage(), e);
        }
    }

    private long rate() {
        if (uplink.strip().equalsIgnoreCase("none")) {
            return 0;
        }
        try {
            return Rates.parse(uplink);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--uplink: " + e.getMessage() + ", or none", e);
        }
    }

    private List<Integer> degreeList() {
        List<Integer> out = new ArrayList<>();
        for (String d : degrees.split(",", -1)) {
            if (d.strip().equalsIgnoreCase("auto")) {
                out.add(FanoutBenchOptions.AUTO);
                continue;
            }
            try {
                out.add(Integer.parseInt(d.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--degree takes numbers from 2 to 16 or auto, comma-separated, got '"
                        + degrees + "'", e);
            }
        }
        return out;
    }
}
