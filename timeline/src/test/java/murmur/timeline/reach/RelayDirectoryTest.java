package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import org.junit.jupiter.api.Test;

class RelayDirectoryTest {
    private final SigningKey key = SigningKey.generate();
    private final Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void anEntryNamesTheRelayItWasWrittenFor() throws Exception {
        InetSocketAddress relay = new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 4301);
        SetEntry e = RelayDirectory.entry(key, relay, 1, RelayHost.TTL, now);

        assertThat(e.signatureValid()).isTrue();
        assertThat(e.writerId()).isEqualTo(NodeId.ofPublicKey(key.publicKey()));
        assertThat(RelayDirectory.parse(e, false)).contains(relay);
        assertThat(RelayDirectory.parse(RelayDirectory.withdrawal(key, 2, RelayHost.TTL, now), false)).isEmpty();
    }

    @Test
    void onlyAddressesThatCouldBeDialledAreTaken() {
        for (String bad : new String[] {"relay.example:4301", "0.0.0.0:4301", "224.0.0.1:4301", "203.0.113.7:0",
                "[::]:4301", "999.1.1.1:4301", "x".repeat(100) + ":1", "203.0.113.7"}) {
            assertThat(RelayDirectory.parse(raw(bad), true)).as(bad).isEmpty();
        }
        assertThat(RelayDirectory.parse(raw("127.0.0.1:4301"), false)).as("loopback on a real network").isEmpty();
        assertThat(RelayDirectory.parse(raw("169.254.1.1:4301"), false)).isEmpty();
        assertThat(RelayDirectory.parse(raw("127.0.0.1:4301"), true)).as("a network on one computer").isPresent();
        assertThat(RelayDirectory.parse(raw("[2001:db8::1]:4301"), false)).isPresent();
        SetEntry elsewhere = SetEntry.sign(key, NodeId.ofKey("bootstrap/nodes"),
                "203.0.113.7:4301".getBytes(StandardCharsets.UTF_8), 1, Duration.ofMinutes(15), now);
        assertThat(RelayDirectory.parse(elsewhere, false)).as("an entry of another set").isEqualTo(Optional.empty());
    }

    private SetEntry raw(String value) {
        return SetEntry.sign(key, RelayDirectory.KEY, value.getBytes(StandardCharsets.UTF_8), 1,
                Duration.ofMinutes(15), now);
    }
}
