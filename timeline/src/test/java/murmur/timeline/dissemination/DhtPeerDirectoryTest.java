package murmur.timeline.dissemination;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import murmur.dht.node.DhtNode;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.follow.FollowGraph;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.presence.PresenceService;
import murmur.timeline.store.Database;
import murmur.timeline.testing.LocalNet;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DhtPeerDirectoryTest {

    @Test
    void anOnlineAddressIsRememberedForAWhileAndOfflineIsAlwaysAskedAgain(@TempDir Path a, @TempDir Path db)
            throws Exception {
        try (LocalNet net = LocalNet.start(2, List.of()); Database local = Database.open(db)) {
            TimelinePeer peer = net.peer(a);
            await(peer.register("dir_user", "olive kayak thunder 1"));
            DhtNode node = DhtNode.builder().settings(net.settings().dht()).build();
            await(node.start());
            await(node.bootstrap(net.seedAddresses()));
            try {
                TestClock clock = new TestClock(Instant.now());
                UserDirectory users = new UserDirectory(node, local);
                DhtPeerDirectory directory = new DhtPeerDirectory(new FollowGraph(node, users),
                        PresenceService.reader(users, clock, Duration.ofMinutes(5)), clock,
                        Duration.ofSeconds(30));
                String address = await(directory.onlineAddress("dir_user")).orElseThrow();
                assertThat(address).endsWith(":" + peer.peerAddress().getPort());

                net.stop(peer);
                assertThat(await(directory.onlineAddress("dir_user"))).as("remembered").contains(address);
                clock.advance(Duration.ofSeconds(31));
                assertThat(await(directory.onlineAddress("dir_user"))).as("logged out since").isEmpty();
                assertThat(await(directory.onlineAddress("nobody_here"))).isEmpty();
            } finally {
                node.stop().join();
            }
        }
    }
}
