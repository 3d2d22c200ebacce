package murmur.timeline.notify;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import murmur.timeline.Notification;
import murmur.timeline.Notification.Kind;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications on the followee's own peer, in memory. One follow while away, cleared for other machines, is
 * {@code FollowTest}'s, which runs on both tiers. Presence keeps its default timing here (refreshed every 30 s),
 * and with it the inbox's poll of {@code notifications/<name>}: a notice that shows within {@link #WAIT} while
 * online came over the peer link.
 */
class NotificationsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MemoryNet net;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of("timeline.presenceRefresh=30s", "timeline.presenceTtl=90s"));
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void followsWhileAwayAreUnreadAtLoginThenALiveOneCountsAndReadStaysRead(@TempDir Path a, @TempDir Path b,
            @TempDir Path c, @TempDir Path d) {
        TimelinePeer home = net.peer(a);
        await(await(home.register("nt_target", "olive kayak thunder 1")).logout());
        await(await(net.peer(b).register("nt_first", "olive kayak thunder 2")).follow("nt_target"));
        await(await(net.peer(c).register("nt_second", "olive kayak thunder 3")).follow("nt_target"));

        TimelineService target = await(home.login("nt_target", "olive kayak thunder 1"));
        assertThat(target.notifications().get()).extracting(Notification::from)
                .containsExactlyInAnyOrder("nt_first", "nt_second");
        assertThat(target.notifications().get()).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Kind.FOLLOW);
            assertThat(n.whileAway()).isTrue();
        });
        assertThat(target.unreadNotifications().get()).isEqualTo(2);
        target.markNotificationsRead();
        waitAtMost(WAIT).until(() -> target.unreadNotifications().get() == 0);

        await(await(net.peer(d).register("nt_live", "olive kayak thunder 4")).follow("nt_target"));
        waitAtMost(WAIT).until(() -> target.unreadNotifications().get() == 1);
        assertThat(target.notifications().get()).filteredOn(n -> n.from().equals("nt_live")).singleElement()
                .satisfies(n -> assertThat(n.whileAway()).as("heard while online").isFalse());

        target.markNotificationsRead();
        waitAtMost(WAIT).until(() -> target.unreadNotifications().get() == 0);
        await(target.logout());
        TimelineService back = await(home.login("nt_target", "olive kayak thunder 1"));
        assertThat(back.notifications().get()).as("kept on this peer").hasSize(3);
        assertThat(back.unreadNotifications().get()).as("read before, so read now").isZero();
    }

    @Test
    void anUnfollowWhileAwayReplacesTheFollowBeforeIt(@TempDir Path a, @TempDir Path b) {
        TimelinePeer home = net.peer(a);
        await(await(home.register("nt_fickle_t", "olive kayak thunder 1")).logout());
        TimelineService fickle = await(net.peer(b).register("nt_fickle", "olive kayak thunder 2"));
        await(fickle.follow("nt_fickle_t"));
        await(fickle.unfollow("nt_fickle_t"));

        TimelineService target = await(home.login("nt_fickle_t", "olive kayak thunder 1"));
        assertThat(target.notifications().get()).as("one entry per writer in notifications/<name>")
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(Kind.UNFOLLOW);
                    assertThat(n.from()).isEqualTo("nt_fickle");
                });
        assertThat(target.unreadNotifications().get()).isEqualTo(1);
    }
}
