package murmur.timeline;

import murmur.timeline.peer.TimelinePeer;
import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A peer keeps its ports from run to run, and takes new ones when they are taken. */
@Timeout(60)
class PortsTest {
    private final MurmurSettings settings = SettingsLoader.load(Optional.empty(), LocalNet.FAST);

    @TempDir
    Path dir;

    private TimelinePeer start() {
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(dir).seeds(List.of()).build();
        await(peer.start());
        return peer;
    }

    @Test
    void aRestartedPeerListensOnTheSamePorts() {
        TimelinePeer first = start();
        int dht = first.dhtAddress().getPort();
        int link = first.peerAddress().getPort();
        await(first.stop());

        TimelinePeer again = start();
        try {
            assertThat(again.dhtAddress().getPort()).isEqualTo(dht);
            assertThat(again.peerAddress().getPort()).isEqualTo(link);
        } finally {
            await(again.stop());
        }
    }

    @Test
    void takenPortsAreGivenUpForNewOnesThatAreKeptInstead() throws Exception {
        TimelinePeer first = start();
        int dht = first.dhtAddress().getPort();
        int link = first.peerAddress().getPort();
        await(first.stop());

        InetAddress loopback = InetAddress.getLoopbackAddress();
        TimelinePeer moved;
        try (DatagramSocket squatDht = new DatagramSocket(dht, loopback);
                ServerSocket squatLink = new ServerSocket(link, 1, loopback)) {
            assertThat(squatDht.getLocalPort()).isEqualTo(dht);
            assertThat(squatLink.getLocalPort()).isEqualTo(link);
            moved = start();
            assertThat(moved.dhtAddress().getPort()).isNotEqualTo(dht);
            assertThat(moved.peerAddress().getPort()).isNotEqualTo(link);
            assertThat(moved.publishedAddresses()).containsExactly("127.0.0.1:" + moved.peerAddress().getPort());
            await(moved.stop());
        }
        TimelinePeer after = start();
        try {
            assertThat(after.dhtAddress().getPort()).isEqualTo(moved.dhtAddress().getPort());
            assertThat(after.reachability().get().state()).isEqualTo(Reachability.State.THIS_COMPUTER_ONLY);
        } finally {
            await(after.stop());
        }
    }
}
