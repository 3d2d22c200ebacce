package murmur.app.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import murmur.bootstrap.cli.BootstrapCli;
import murmur.bootstrap.testing.ChildProcesses;
import murmur.bootstrap.testing.LineProcess;
import org.junit.jupiter.api.Assumptions;

/**
 * The processes of a namespace test: bootstrap nodes on the internet and users' {@link ScriptedPeer}s, each a JVM
 * in its own namespace, with their stderr kept in {@code target/<logs>} for a post-mortem. {@link #close()} stops
 * them all, then takes the network down.
 */
final class PeerProcesses implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final ChildProcesses children;
    private final HomeNetwork net;
    private final Path dir;
    private final List<Process> bootstrapNodes = new ArrayList<>();

    /** The child processes' log level: INFO explains a failure; {@code -Dnetns.childLog=DEBUG} shows every hop. */
    private static final String CHILD_LOG = System.getProperty("netns.childLog", "").isBlank() ? "INFO"
            : System.getProperty("netns.childLog");

    /**
     * A fresh {@link HomeNetwork} in {@code dir} and its processes; skips the test (JUnit assumption) where this
     * machine cannot make namespaces.
     */
    static PeerProcesses inNewNetwork(Path dir, String logs) throws IOException {
        Assumptions.assumeTrue(HomeNetwork.supported(), "skipped: needs root, iproute2 ('ip netns add'), nftables and"
                + " miniupnpd (Debian miniupnpd-nftables); .ci/run installs them");
        return new PeerProcesses(new HomeNetwork(dir), dir, logs);
    }

    private PeerProcesses(HomeNetwork net, Path dir, String logs) {
        this.net = net;
        this.dir = dir;
        this.children = new ChildProcesses(Path.of("target", logs),
                Stream.concat(ChildProcesses.SMALL_JVM.stream(), Stream.of("-Dmurmur.log=" + CHILD_LOG)).toList());
    }

    /**
     * Three bootstrap nodes on the internet at {@code 25.91.0.1} to {@code .3}, DHT on 4100 (relay on 4101),
     * each told of the others; b0 listens on every interface (IPv4 and IPv6), b1 and b2 on their IPv4 address.
     */
    List<String> startBootstrapNodes() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seeds.add(net.internetHost("b" + i, i + 1) + ":4100");
        }
        for (int i = 0; i < 3; i++) {
            String ip = seeds.get(i).split(":")[0];
            List<String> cmd = children.java(BootstrapCli.class.getName(), "--host", i == 0 ? "::" : ip,
                    "--port", "4100", "--data", dir.resolve("b" + i).toString(), "--set",
                    "bootstrap.advertiseHost=" + ip);
            String self = seeds.get(i);
            seeds.stream().filter(s -> !s.equals(self)).forEach(s -> cmd.addAll(List.of("--peer", s)));
            bootstrapNodes.add(children.start("b" + i, net.exec("b" + i, cmd)));
        }
        return seeds;
    }

    /** Kills bootstrap node {@code i} at once, as a crash or a power cut would. */
    void killBootstrapNode(int i) {
        bootstrapNodes.get(i).destroyForcibly();
    }

    /**
     * A user's peer on host {@code host} (its data in {@code data-<host>}), started and ready; {@code settings}
     * ({@code key=value}) on top of {@link ScriptedPeer}'s.
     */
    Peer peer(String host, List<String> seeds, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of(dir.resolve("data-" + host).toString()));
        args.addAll(seeds);
        Stream.of(settings).map(s -> ScriptedPeer.SET + s).forEach(args::add);
        List<String> cmd = net.exec(host, children.java(ScriptedPeer.class.getName(), args.toArray(String[]::new)));
        Peer p = new Peer(host, children.start(host, cmd));
        assertThat(p.awaitLine("ready")).startsWith("ready");
        return p;
    }

    /** What {@code url} answers, fetched from inside host {@code host}. */
    String httpGet(String host, String url) throws IOException, InterruptedException {
        Process p = children.start("get-" + host, net.exec(host, children.java(HttpGet.class.getName(), url)));
        String body = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return body;
    }

    HomeNetwork network() {
        return net;
    }

    @Override
    public void close() throws IOException {
        children.close();
        net.close();
    }

    /** A user's peer process, asked one line at a time. */
    static final class Peer extends LineProcess {
        final String name;

        Peer(String name, Process p) {
            super(p);
            this.name = name;
        }

        void ok(String line) throws IOException {
            assertThat(ask(line)).as("%s: %s", name, line).startsWith("ok");
        }

        /** Waits until the reachability check says {@code state}; returns ms from the peer's start by then. */
        long awaitReach(String state) {
            String[] seen = new String[1];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                seen[0] = ask("reach");
                assertThat(seen[0]).as(name).startsWith("reach " + state);
            });
            return Long.parseLong(seen[0].substring(seen[0].lastIndexOf('|') + 1).trim());
        }

        /** ms from timestamp to arrival of each post here whose text starts with {@code prefix}. */
        List<Long> latencies(String prefix) throws IOException {
            String answer = ask("latency " + prefix).substring("latency".length()).trim();
            return answer.isEmpty() ? List.of() : Stream.of(answer.split(",")).map(Long::parseLong).toList();
        }

        void quit() throws IOException {
            assertThat(ask("quit")).as("%s quits", name).isEqualTo("bye");
        }
    }
}
