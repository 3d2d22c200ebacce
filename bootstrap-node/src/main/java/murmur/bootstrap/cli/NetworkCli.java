package murmur.bootstrap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code murmur network up|down|status}: a local network of bootstrap nodes on loopback, each a background process,
 * with ports, pids and data under one folder. {@code up} starts the nodes that are not running (so it also restarts
 * one that died) and waits until each answers {@code /health}.
 */
@Command(name = "murmur network", mixinStandardHelpOptions = true,
        description = "Start, stop and inspect a local network of bootstrap nodes on loopback.",
        subcommands = {NetworkCli.Up.class, NetworkCli.Down.class, NetworkCli.Status.class})
public final class NetworkCli {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @Option(names = "--dir", paramLabel = "<folder>", scope = CommandLine.ScopeType.INHERIT,
            description = "where ports, pids, data and logs live (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("target", "murmur-network");

    public static void main(String[] args) {
        System.exit(new CommandLine(new NetworkCli()).execute(args));
    }

    @Command(name = "up", description = "Start the nodes that are not running; wait until they answer /health.")
    static final class Up implements Callable<Integer> {
        @CommandLine.ParentCommand
        NetworkCli parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--nodes", defaultValue = "3", description = "how many nodes (default: ${DEFAULT-VALUE})")
        int nodes;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<NetworkLayout.Node> layout = NetworkLayout.ensure(parent.dir, nodes);
            for (NetworkLayout.Node n : layout) {
                Optional<ProcessHandle> running = NodeProcesses.running(n);
                if (running.isPresent()) {
                    out.printf("node-%d already running, pid %d%n", n.index(), running.get().pid());
                    continue;
                }
                List<String> peers = layout.stream().filter(o -> o != n).map(o -> "127.0.0.1:" + o.dhtPort()).toList();
                ProcessHandle p = NodeProcesses.start(n, peers);
                out.printf("node-%d started, pid %d: DHT 127.0.0.1:%d, SNTP udp/%d, http://127.0.0.1:%d/health%n",
                        n.index(), p.pid(), n.dhtPort(), n.sntpPort(), n.adminPort());
            }
            out.flush();
            return awaitHealthy(layout, out) ? 0 : 1;
        }
    }

    @Command(name = "down", description = "Stop every node: SIGTERM, then wait for a clean shutdown.")
    static final class Down implements Callable<Integer> {
        @CommandLine.ParentCommand
        NetworkCli parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            for (NetworkLayout.Node n : NetworkLayout.read(parent.dir)) {
                Optional<ProcessHandle> p = NodeProcesses.running(n);
                if (p.isEmpty()) {
                    out.printf("node-%d not running%n", n.index());
                    continue;
                }
                boolean clean = NodeProcesses.stop(p.get(), Duration.ofSeconds(20));
                out.printf("node-%d stopped%s%n", n.index(), clean ? "" : " (killed: no clean exit within 20 s)");
            }
            return 0;
        }
    }

    @Command(name = "status", description = "Print each node's pid and /health.")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        NetworkCli parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<NetworkLayout.Node> layout = NetworkLayout.read(parent.dir);
            if (layout.isEmpty()) {
                out.println("no network in " + parent.dir.toAbsolutePath() + "; start one with: murmur network up");
                return 1;
            }
            int up = 0;
            for (NetworkLayout.Node n : layout) {
                Optional<ProcessHandle> p = NodeProcesses.running(n);
                Optional<String> health = p.isPresent() ? NodeProcesses.health(n) : Optional.empty();
                up += health.isPresent() ? 1 : 0;
                out.printf("node-%d %s %s%n", n.index(), p.map(h -> "pid " + h.pid()).orElse("down"),
                        health.orElse(p.isPresent() ? "(no answer from /health)" : ""));
            }
            return up == layout.size() ? 0 : 1;
        }
    }

    private static boolean awaitHealthy(List<NetworkLayout.Node> layout, PrintWriter out) {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        for (NetworkLayout.Node n : layout) {
            Optional<String> health = NodeProcesses.health(n);
            while (health.isEmpty() && Instant.now().isBefore(deadline) && NodeProcesses.running(n).isPresent()) {
                pause();
                health = NodeProcesses.health(n);
            }
            if (health.isEmpty()) {
                out.printf("node-%d did not come up; see %s%n", n.index(), n.dataDir().resolve("console.log"));
                return false;
            }
            out.printf("node-%d %s%n", n.index(), health.get());
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
