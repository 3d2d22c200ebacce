package murmur.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.exchange.BootstrapDirectory;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three bootstrap nodes in this JVM: peer exchange, SNTP, the admin endpoint, and a restart that keeps everything. */
@Timeout(120)
class LocalNetworkTest {
    private static final List<String> FAST = List.of("dht.requestTimeout=500ms");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aPeerThatKnowsOneNodeLearnsTheOthersAndTheirTimeAndHealth() throws Exception {
        try (LocalNetwork network = LocalNetwork.start(dir, 3, FAST)) {
            DhtNode peer = DhtNode.builder().settings(SettingsLoader.load(Optional.empty(), FAST).dht())
                    .build();
            peer.start().join();
            peer.bootstrap(List.of(network.dhtAddresses().get(0))).join();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(BootstrapDirectory.learn(peer).join()).extracting(BootstrapDirectory.Listing::address)
                            .containsExactlyInAnyOrderElementsOf(network.dhtAddresses()));
            assertThat(peer.routingTableSize()).isGreaterThanOrEqualTo(3);
            peer.stop().join();

            for (InetSocketAddress sntp : network.sntpAddresses()) {
                assertThat(Math.abs(offsetMillis(sntp))).isLessThan(50);
            }
            BootstrapDaemon first = network.nodes().get(0);
            String health = get(first, "/health");
            assertThat(health).contains("\"nodeId\":\"" + first.nodeId().toHex() + "\"", "\"routingTableSize\":",
                    "\"storedRecords\":", "\"storedBytes\":", "\"uptimeSeconds\":");
            BootstrapDaemon last = network.nodes().get(2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(last, "/health"))
                    .as("the other nodes dialled it back").contains("\"reachability\":\"reachable\""));
            assertThat(get(first, "/metrics")).contains("murmur_dht_requests_total{type=\"ping\"}",
                    "murmur_dht_lookups_total{mode=\"nodes\"}", "murmur_dht_stored_records");
        }
    }

    @Test
    void aRestartedNetworkKeepsItsIdsAndRecords() {
        List<NodeId> ids;
        OwnedRecord record;
        try (LocalNetwork network = LocalNetwork.start(dir, 3, FAST)) {
            ids = network.nodes().stream().map(BootstrapDaemon::nodeId).toList();
            DhtNode writer = network.nodes().get(1).node();
            record = OwnedRecord.sign(SigningKey.generate(), NodeId.ofKey("profile/ann"),
                    "hello".getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1), Instant.now());
            writer.put(record).join();
        }
        try (LocalNetwork again = LocalNetwork.start(dir, 3, FAST)) {
            assertThat(again.nodes()).extracting(BootstrapDaemon::nodeId).containsExactlyElementsOf(ids);
            for (BootstrapDaemon d : again.nodes()) {
                assertThat(d.node().localRecord(record.key())).contains(record);
            }
        }
    }

    private static long offsetMillis(InetSocketAddress sntp) throws IOException {
        NTPUDPClient client = new NTPUDPClient();
        client.setDefaultTimeout(Duration.ofSeconds(2));
        try {
            client.open();
            TimeInfo info = client.getTime(InetAddress.getLoopbackAddress(), sntp.getPort());
            info.computeDetails();
            return info.getOffset();
        } finally {
            client.close();
        }
    }

    @Test
    void theAdminEndpointAnswersOnlyItsPathsAndOnlyGet() throws Exception {
        try (LocalNetwork network = LocalNetwork.start(dir, 1, FAST)) {
            URI base = URI.create("http://127.0.0.1:" + network.nodes().get(0).adminAddress().getPort());
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(base.resolve("/secrets")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    private String get(BootstrapDaemon d, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + d.adminAddress().getPort() + path);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
