package murmur.tools.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import murmur.dht.sim.DhtSimulation;
import murmur.tools.dht.PeakMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code murmur sim dht}: lookups on a deterministic in-memory network of N nodes; prints one JSON line. Hops are
 * path lengths: how many nodes deep in the lookup's chain of referrals the first replica that returned the record
 * sits (1: a contact from the reader's own table held it).
 */
@Command(name = "dht", mixinStandardHelpOptions = true,
        description = {"Simulate N DHT nodes in memory, store K records, read each from a random node; kill a "
                + "fraction F of the nodes and read everything again.",
            "Hops: the path length to the first replica that returned the record (1: the reader knew it)."})
final class DhtSimCommand implements Callable<Integer> {
    /** Above this many nodes, {@code --join auto} gives the nodes converged routing tables instead of joining. */
    static final int FULL_JOIN_UP_TO = 1000;

    @ParentCommand
    private SimCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "1000", description = "nodes (default: ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--keys", defaultValue = "1000",
            description = "records to store and read (default: ${DEFAULT-VALUE})")
    private int keys;

    @Option(names = "--kill", defaultValue = "0", description = "fraction of nodes to kill before reading again")
    private double kill;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--join", defaultValue = "auto", paramLabel = "auto|full|fast",
            description = "full: every node joins through the first with lookups (minutes at a few thousand nodes); "
                    + "fast: every node starts with the routing table a converged network gives it, no messages "
                    + "(100,000 nodes in a few minutes); auto (default): full up to " + FULL_JOIN_UP_TO
                    + " nodes, fast above")
    private String join;

    @Override
    public Integer call() {
        if (nodes < 2 || keys < 1 || kill < 0 || kill >= 1 || !join.matches("auto|full|fast")) {
            spec.commandLine().getErr().println("murmur sim dht: need --nodes >= 2, --keys >= 1, 0 <= --kill < 1, "
                    + "--join auto, full or fast");
            return 2;
        }
        boolean fast = join.equals("fast") || join.equals("auto") && nodes > FULL_JOIN_UP_TO;
        long start = System.nanoTime();
        DhtSimulation sim = new DhtSimulation(parent.settings().dht(), seed);
        if (fast) {
            sim.growConverged(nodes);
        } else {
            sim.grow(nodes);
        }
        double joinSeconds = (System.nanoTime() - start) / 1e9;
        int stored = sim.store(keys);
        DhtSimulation.Reads reads = sim.readAll();
        int killed = sim.kill(kill);
        DhtSimulation.Reads after = killed > 0 ? sim.readAll() : reads;
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "{\"sim\":\"dht\",\"nodes\":%d,\"keys\":%d,\"stored\":%d,"
                + "\"join\":\"%s\",\"found\":%d,\"success_rate\":%.4f,\"hops_p50\":%d,\"hops_p99\":%d,"
                + "\"rpcs_per_lookup\":%.2f,\"killed\":%d,\"found_after_kill\":%d,\"success_rate_after_kill\":%.4f,"
                + "\"hops_p50_after_kill\":%d,\"hops_p99_after_kill\":%d,\"rpcs_per_lookup_after_kill\":%.2f,"
                + "\"messages\":%d,\"join_s\":%.1f,\"wall_s\":%.1f%s}",
                nodes, keys, stored, fast ? "fast" : "full", reads.found(), reads.successRate(), reads.hopsP50(),
                reads.hopsP99(), reads.rpcsPerLookup(), killed, after.found(), after.successRate(), after.hopsP50(),
                after.hopsP99(), after.rpcsPerLookup(), sim.network().messagesDelivered(), joinSeconds,
                (System.nanoTime() - start) / 1e9, peakRss()));
        out.flush();
        return 0;
    }

    /** {@code ,"peak_rss_mb":N}: the most memory this process has held, or nothing where that is unknown. */
    private static String peakRss() {
        long mb = PeakMemory.rssMb();
        return mb < 0 ? "" : ",\"peak_rss_mb\":" + mb;
    }
}
