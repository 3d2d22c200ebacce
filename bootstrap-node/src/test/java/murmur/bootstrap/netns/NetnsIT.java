package murmur.bootstrap.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import murmur.bootstrap.cli.BootstrapCli;
import murmur.bootstrap.netns.cli.NetnsPeer;
import murmur.bootstrap.testing.ChildProcesses;
import murmur.bootstrap.testing.LineProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three bootstrap nodes and five peers, each a JVM in a network namespace of its own on one bridge. Each peer knows
 * one bootstrap node and learns the others; one peer's link is cut and restored; records written before, during and
 * after the cut are then readable from every peer.
 */
@Timeout(180)
class NetnsIT {
    /** Each child's stderr is kept in target/netns-it after the test, for a post-mortem. */
    private final ChildProcesses children = new ChildProcesses(Path.of("target", "netns-it"),
            ChildProcesses.SMALL_JVM);
    private final List<Peer> peers = new ArrayList<>();
    private Namespaces net;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws IOException {
        children.close();
        if (net != null) {
            net.close();
        }
    }

    @Test
    void recordsWrittenBeforeDuringAndAfterACutAreReadableEverywhere() throws Exception {
        Assumptions.assumeTrue(Namespaces.supported(),
                "skipped: creating network namespaces needs root and iproute2 ('ip netns add' failed here)");
        net = new Namespaces();
        List<String> bootstrap = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            bootstrap.add(net.host("b" + b, b + 1) + ":4100");
        }
        for (int b = 0; b < 3; b++) {
            List<String> cmd = children.java(BootstrapCli.class.getName(), "--host", bootstrap.get(b).split(":")[0],
                    "--port", "4100", "--data", dir.resolve("b" + b).toString(), "--set", "dht.requestTimeout=500ms");
            String self = bootstrap.get(b);
            bootstrap.stream().filter(a -> !a.equals(self)).forEach(a -> cmd.addAll(List.of("--peer", a)));
            children.start("b" + b, net.exec("b" + b, cmd));
        }
        for (int p = 0; p < 5; p++) {
            String ip = net.host("p" + p, 11 + p);
            peers.add(new Peer(children.start("p" + p, net.exec("p" + p, children.java(NetnsPeer.class.getName(), ip,
                    bootstrap.get(p % 3))))));
        }
        for (Peer p : peers) {
            assertThat(p.awaitReady()).as("peer learnt every bootstrap node from one").isEqualTo("ready 3");
        }

        List<String> keys = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            keys.add(peers.get(p).put("before/" + p));
        }
        net.cut("p4");
        for (int p = 0; p < 4; p++) {
            keys.add(peers.get(p).put("during/" + p));
        }
        net.restore("p4");
        for (int p = 0; p < 5; p++) {
            keys.add(peers.get(p).put("after/" + p));
        }

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            for (Peer p : peers) {
                for (String key : keys) {
                    assertThat(p.ask("get " + key)).isEqualTo("value " + key.replace('/', '-'));
                }
            }
        });
    }

    /** A peer process, asked one line at a time. */
    private static final class Peer extends LineProcess {
        Peer(Process p) {
            super(p);
        }

        /** The peer's ready line. */
        String awaitReady() throws IOException {
            return awaitLine("ready");
        }

        String put(String key) throws IOException {
            assertThat(ask("put " + key + " " + key.replace('/', '-'))).as("put %s", key).isEqualTo("ok");
            return key;
        }
    }
}
