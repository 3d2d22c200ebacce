package murmur.tools.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import murmur.dht.sim.DhtSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code murmur sim dht}: lookups on a deterministic in-memory network of N nodes; prints one JSON line. */
@Command(name = "dht", mixinStandardHelpOptions = true,
        description = "Simulate N DHT nodes in memory, store K records, read each from a random node.")
final class DhtSimCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        if (nodes < 2 || keys < 1 || kill < 0 || kill >= 1) {
            spec.commandLine().getErr().println("murmur sim dht: need --nodes >= 2, --keys >= 1, 0 <= --kill < 1");
            return 2;
        }
        long start = System.nanoTime();
        DhtSimulation sim = new DhtSimulation(parent.settings().dht(), seed);
        sim.grow(nodes);
        int stored = sim.store(keys);
        DhtSimulation.Reads reads = sim.readAll();
        int killed = sim.kill(kill);
        DhtSimulation.Reads after = killed > 0 ? sim.readAll() : reads;
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "{\"sim\":\"dht\",\"nodes\":%d,\"keys\":%d,\"stored\":%d,"
                + "\"hops_p50\":%d,\"hops_p99\":%d,\"rpcs_per_lookup\":%.2f,\"success_rate\":%.4f,\"killed\":%d,"
                + "\"success_rate_after_kill\":%.4f,\"hops_p99_after_kill\":%d,\"messages\":%d,\"wall_s\":%.1f}",
                nodes, keys, stored, reads.hopsP50(), reads.hopsP99(), reads.rpcsPerLookup(), reads.successRate(),
                killed, after.successRate(), after.hopsP99(), sim.network().messagesDelivered(),
                (System.nanoTime() - start) / 1e9));
        out.flush();
        return 0;
    }
}
