package murmur.dht.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import murmur.config.HostPort;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import org.junit.jupiter.api.Test;

class BootstrapDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private final SigningKey node = SigningKey.generate();

    @Test
    void aNodesOwnEntryListsItsIdAndAddress() {
        SetEntry e = BootstrapDirectory.entry(node, new HostPort("10.0.0.7", 4100), Duration.ofMinutes(15), NOW);
        assertThat(BootstrapDirectory.parse(e)).hasValueSatisfying(l -> {
            assertThat(l.nodeId()).isEqualTo(node.nodeId());
            assertThat(l.address()).isEqualTo(new InetSocketAddress("10.0.0.7", 4100));
        });
    }

    @Test
    void hostNamesGarbageOversizedValuesAndTombstonesAreNotListed() {
        assertThat(BootstrapDirectory.parse(entry("evil.example:4100"))).isEmpty();
        assertThat(BootstrapDirectory.parse(entry("not an address"))).isEmpty();
        assertThat(BootstrapDirectory.parse(entry("10.0.0.1:99999"))).isEmpty();
        assertThat(BootstrapDirectory.parse(entry("1.2.3.4.5:4100"))).as("no literal, no lookup").isEmpty();
        assertThat(BootstrapDirectory.parse(entry("10.0.0.256:4100"))).isEmpty();
        assertThat(BootstrapDirectory.parse(entry("[fd00::1]:4100"))).isPresent();
        assertThat(BootstrapDirectory.parse(entry("1".repeat(400) + ":1"))).isEmpty();
        assertThat(BootstrapDirectory.parse(SetEntry.tombstone(node, BootstrapDirectory.KEY, 2, Duration.ofMinutes(1),
                NOW))).isEmpty();
    }

    private SetEntry entry(String value) {
        return SetEntry.sign(node, BootstrapDirectory.KEY, value.getBytes(StandardCharsets.UTF_8), 1,
                Duration.ofMinutes(15), NOW);
    }
}
