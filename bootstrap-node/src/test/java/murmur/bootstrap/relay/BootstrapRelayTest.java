package murmur.bootstrap.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import murmur.bootstrap.BootstrapDaemon;
import murmur.config.SettingsLoader;
import murmur.transport.relay.RelayCodec;
import murmur.transport.relay.RelayMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bootstrap node relays next to its DHT port, says so in /health, and counts refusals in /metrics. */
class BootstrapRelayTest {
    @TempDir
    Path dir;

    @Test
    void theRelayListensNextToTheDhtPortAndCountsWhatItRefuses() throws Exception {
        BootstrapDaemon d = new BootstrapDaemon(SettingsLoader.load(Optional.empty(), List.of(
                "bootstrap.dataDir=" + dir, "bootstrap.port=0", "bootstrap.host=127.0.0.1", "bootstrap.sntpPort=0",
                "bootstrap.adminPort=0")), Clock.systemUTC());
        d.start().get(30, TimeUnit.SECONDS);
        try {
            int relayPort = d.relay().orElseThrow().address().getPort();
            assertThat(relayPort).isEqualTo(d.address().getPort() + 1);
            assertThat(d.health().get("relay")).isEqualTo(Map.of("port", relayPort, "reservations", 0,
                    "circuits", 0));
            try (Socket raw = new Socket("127.0.0.1", relayPort)) {
                raw.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(raw.getInputStream());
                in.readFully(new byte[in.readInt()]);
                byte[] connect = RelayCodec.encode(new RelayMessage.Connect(new byte[32]));
                DataOutputStream out = new DataOutputStream(raw.getOutputStream());
                out.writeInt(connect.length);
                out.write(connect);
                byte[] answer = new byte[in.readInt()];
                in.readFully(answer);
                assertThat(RelayCodec.decode(answer)).isInstanceOf(RelayMessage.Refused.class);
            }
            assertThat(d.metrics().scrape()).contains("murmur_relay_events_total{event=\"refused_unknown_peer\"} 1.0",
                    "murmur_relay_reservations 0.0");
        } finally {
            d.stop().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOperatorCanTurnRelayingOff() throws Exception {
        BootstrapDaemon d = new BootstrapDaemon(SettingsLoader.load(Optional.empty(), List.of(
                "bootstrap.dataDir=" + dir, "bootstrap.port=0", "bootstrap.host=127.0.0.1", "bootstrap.sntpPort=0",
                "bootstrap.adminPort=0", "bootstrap.relay=false")), Clock.systemUTC());
        d.start().get(30, TimeUnit.SECONDS);
        try {
            assertThat(d.relay()).isEmpty();
            assertThat(d.health().get("relay")).isEqualTo(Map.of());
        } finally {
            d.stop().get(30, TimeUnit.SECONDS);
        }
    }
}
