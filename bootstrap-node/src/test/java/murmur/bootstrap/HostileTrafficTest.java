package murmur.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import murmur.bootstrap.metrics.NodeMetrics;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Junk at every port of a node: it is refused and counted, and the node keeps answering lookups. */
@Timeout(120)
class HostileTrafficTest {
    private final Random random = new Random(42);

    @TempDir
    Path dir;

    @Test
    void junkDatagramsAndConnectionsAreRefusedAndTheNodeKeepsServing() throws Exception {
        try (LocalNetwork network = LocalNetwork.start(dir, 1, List.of("dht.requestTimeout=500ms"))) {
            BootstrapDaemon node = network.nodes().get(0);
            try (DatagramSocket udp = new DatagramSocket()) {
                for (int i = 0; i < 500; i++) {
                    udp.send(junk(node.address()));
                    udp.send(junk(node.sntpAddress()));
                }
            }
            for (int i = 0; i < 50; i++) {
                try (Socket s = new Socket(node.address().getAddress(), node.address().getPort())) {
                    OutputStream out = s.getOutputStream();
                    byte[] bytes = new byte[1 + random.nextInt(64)];
                    random.nextBytes(bytes);
                    out.write(bytes);
                }
            }

            NodeMetrics m = node.metrics();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(m.count("murmur.refusals", "protocol", "dht", "reason", "malformed_udp")).isEqualTo(500);
                assertThat(m.count("murmur.refusals", "protocol", "sntp", "reason", "sntp_short")).isEqualTo(500);
                double tcp = m.count("murmur.refusals", "protocol", "dht", "reason", "malformed_tcp")
                        + m.count("murmur.refusals", "protocol", "dht", "reason", "tcp_oversized")
                        + m.count("murmur.refusals", "protocol", "dht", "reason", "tcp_no_request");
                assertThat(tcp).isEqualTo(50);
            });
            assertThat(m.scrape()).contains("murmur_refusals_total{protocol=\"dht\",reason=\"malformed_udp\"} 500.0");

            DhtNode peer = DhtNode.builder().settings(SettingsLoader.load(Optional.empty(), List.of()).dht()).build();
            peer.start().join();
            peer.bootstrap(List.of(node.address())).join();
            assertThat(peer.routingTableSize()).isEqualTo(1);
            assertThat(node.health()).containsEntry("state", "RUNNING");
            peer.stop().join();
        }
    }

    /** Random bytes, shorter than an SNTP packet and without the DHT's magic byte. */
    private DatagramPacket junk(InetSocketAddress to) {
        byte[] bytes = new byte[1 + random.nextInt(40)];
        random.nextBytes(bytes);
        bytes[0] = 0x00;
        return new DatagramPacket(bytes, bytes.length, to);
    }
}
