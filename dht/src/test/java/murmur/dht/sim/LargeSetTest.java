package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A popular user's followers: ten thousand writers in one set, read back page by page from other replicas. Paging is
 * tested here, not work (ten thousand proofs would take half a minute): the set asks for none.
 */
@Timeout(120)
class LargeSetTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(),
            List.of("dht.k=3", "dht.readReplicas=2", "dht.setMinWorkBits=0")).dht();

    @Test
    void tenThousandFollowersAreReadBackInPagesExactlyOnce() {
        DhtSimulation sim = new DhtSimulation(settings, 21);
        sim.grow(12);
        NodeId followers = NodeId.ofKey("followers/celebrity");
        SecureRandom keys = TestKeys.seeded(4);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            SetEntry entry = SetEntry.sign(SigningKey.generate(keys), followers,
                    ("follower " + i).getBytes(StandardCharsets.UTF_8), 1, Duration.ofHours(1),
                    sim.network().clock().instant());
            writes.add(sim.nodes().get(i % sim.nodes().size()).putEntry(entry));
        }
        sim.network().await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));

        List<SetEntry> read = sim.network().await(sim.nodes().get(5).entries(followers));

        assertThat(read).hasSize(10_000);
        assertThat(read.stream().map(SetEntry::writerId).distinct()).hasSize(10_000);
        assertThat(read).isSortedAccordingTo((a, b) -> a.writerId().compareTo(b.writerId()));
    }
}
