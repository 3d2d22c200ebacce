package murmur.timeline;

import murmur.timeline.peer.TimelinePeer;
import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.timeline.observe.Live;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejoinTest {

    @Test
    void aPeerStartedBeforeItsBootstrapNodeComesOnlineWhenTheNodeDoes(@TempDir Path dir) throws Exception {
        MurmurSettings settings = SettingsLoader.load(Optional.empty(), LocalNet.FAST);
        InetSocketAddress seed = new InetSocketAddress("127.0.0.1", freeUdpPort());
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(dir).seeds(List.of(seed)).build();
        await(peer.start());
        DhtNode late = null;
        try {
            assertThat(peer.connection().get().online()).isFalse();
            late = DhtNode.builder().settings(settings.dht()).bindAddress(seed).build();
            await(late.start());
            waitAtMost(Duration.ofSeconds(20)).until(() -> peer.connection().get().online());
        } finally {
            await(peer.stop());
            if (late != null) {
                await(late.stop());
            }
        }
    }

    @Test
    void theConnectionWatchedBeforeTheStartFollowsTheJoin(@TempDir Path dir) throws Exception {
        MurmurSettings settings = SettingsLoader.load(Optional.empty(), LocalNet.FAST);
        DhtNode seed = DhtNode.builder().settings(settings.dht()).bindAddress(new InetSocketAddress("127.0.0.1", 0))
                .build();
        await(seed.start());
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(dir).seeds(List.of(seed.address()))
                .build();
        Live<ConnectionStatus> watched = peer.connection();
        try {
            assertThat(watched.get().online()).isFalse();
            await(peer.start());
            waitAtMost(Duration.ofSeconds(20)).until(() -> watched.get().online());
        } finally {
            await(peer.stop());
            await(seed.stop());
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
