package murmur.timeline;

import murmur.timeline.peer.TimelinePeer;
import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import murmur.dht.node.DhtNode;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.wire.RecordBytes;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerLink;
import murmur.timeline.records.FollowerEntryValue;
import murmur.timeline.records.FollowingValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.NotificationValue;
import murmur.timeline.records.RecordWriter;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mallory writes straight into the DHT with her own key, pretending to be other users. */
class ForgeryTest {
    private static final Duration TTL = Duration.ofHours(1);
    private static LocalNet net;
    private static DhtNode malloryNode;
    private static RecordWriter mallory;

    @BeforeAll
    static void network() {
        net = LocalNet.start(3, List.of());
        malloryNode = DhtNode.builder().settings(net.settings().dht()).build();
        await(malloryNode.start());
        await(malloryNode.bootstrap(net.seedAddresses()));
        mallory = new RecordWriter(malloryNode, SigningKey.generate(), Clock.systemUTC());
    }

    @AfterAll
    static void shutdown() {
        malloryNode.stop().join();
        net.close();
    }

    @Test
    void aFollowerEntryClaimingSomeoneElseIsNotCounted(@TempDir Path a, @TempDir Path b) {
        TimelineService star = await(net.peer(a).register("star_f", "olive kayak thunder 1"));
        await(net.peer(b).register("victim_f", "olive kayak thunder 2"));
        await(mallory.putEntry(Keys.followers("star_f"), new FollowerEntryValue("victim_f"), TTL));
        assertThat(await(star.followersOf("star_f"))).isEmpty();
    }

    @Test
    void aNotificationInSomeoneElsesNameIsNotShown(@TempDir Path a, @TempDir Path b) {
        TimelinePeer peer = net.peer(a);
        TimelineService target = await(peer.register("target_f", "olive kayak thunder 1"));
        await(net.peer(b).register("victim_n", "olive kayak thunder 2"));
        await(target.logout());
        await(mallory.putEntry(Keys.notifications("target_f"),
                new NotificationValue("FOLLOW", "victim_n", System.currentTimeMillis()), TTL));
        assertThat(await(peer.login("target_f", "olive kayak thunder 1")).notifications().get()).isEmpty();
    }

    @Test
    void aForgedDirectNoticeIsRefusedAndJunkDoesNotHurtThePeer(@TempDir Path a, @TempDir Path b) {
        TimelinePeer peer = net.peer(a);
        TimelineService target = await(peer.register("target_d", "olive kayak thunder 1"));
        await(net.peer(b).register("victim_d", "olive kayak thunder 2"));
        PeerLink client = await(PeerLink.bind(new InetSocketAddress("127.0.0.1", 0), LinkSettings.defaults()));
        try {
            SetEntry forged = mallory.signEntry(Keys.notifications("target_d"),
                    new NotificationValue("FOLLOW", "victim_d", System.currentTimeMillis()), TTL);
            assertThat(client.request(peer.peerAddress(), LinkTypes.FOLLOW_NOTICE, RecordBytes.encode(forged)))
                    .failsWithin(Duration.ofSeconds(10));
            assertThat(client.request(peer.peerAddress(), LinkTypes.FOLLOW_NOTICE, new byte[] {1, 2, 3}))
                    .failsWithin(Duration.ofSeconds(10));
        } finally {
            client.close().join();
        }
        assertThat(target.notifications().get()).isEmpty();
        assertThat(await(target.post("still fine")).seq()).isEqualTo(1);
    }

    @Test
    void aFollowListWrittenUnderSomeoneElsesNameIsIgnored(@TempDir Path a) {
        TimelineService reader = await(net.peer(a).register("reader_f", "olive kayak thunder 1"));
        await(mallory.put(Keys.following("nobody_f"), new FollowingValue(List.of("reader_f")), TTL));
        assertThat(await(reader.followingOf("nobody_f"))).isEmpty();
    }

    @Test
    void aNameWhoseRecordsWereSquattedCannotBeRegistered(@TempDir Path a) {
        await(mallory.put(Keys.following("squatted"), new FollowingValue(List.of()), TTL));
        assertThat(reason(net.peer(a).register("squatted", "olive kayak thunder 1"))).isEqualTo(Reason.NAME_TAKEN);
    }
}
