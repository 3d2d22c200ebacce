package murmur.timeline.follow;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.TimelineService;
import murmur.timeline.UserSummary;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Own follow list and anyone's follower lists, in memory. Follow notices, presence in the lists and refusals are
 * {@code FollowTest}'s, which runs on both tiers.
 */
class FollowListsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MemoryNet net;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void followingTwiceCountsOnceAndUnfollowingSomeoneNotFollowedChangesNothing(@TempDir Path a,
            @TempDir Path b) {
        await(net.peer(a).register("fl_star", "olive kayak thunder 1"));
        TimelineService fan = await(net.peer(b).register("fl_fan", "olive kayak thunder 2"));

        await(fan.follow("fl_star"));
        await(fan.follow("fl_star"));
        await(fan.unfollow("fl_nobody"));

        assertThat(fan.following().get()).containsExactly("fl_star");
        assertThat(names(fan.followersOf("fl_star"))).containsExactly("fl_fan");
        assertThat(names(fan.followingOf("fl_fan"))).containsExactly("fl_star");
    }

    @Test
    void theListsFollowEachChangeAndOwnFollowsSurviveLogoutOnTheSamePeer(@TempDir Path a, @TempDir Path b,
            @TempDir Path c) {
        TimelineService left = await(net.peer(a).register("fl_left", "olive kayak thunder 1"));
        await(net.peer(b).register("fl_kept", "olive kayak thunder 2"));
        TimelinePeer fanPeer = net.peer(c);
        TimelineService fan = await(fanPeer.register("fl_changer", "olive kayak thunder 3"));

        await(fan.follow("fl_left"));
        await(fan.follow("fl_kept"));
        assertThat(fan.following().get()).containsExactlyInAnyOrder("fl_left", "fl_kept");
        await(fan.unfollow("fl_left"));
        await(fan.logout());

        TimelineService again = await(fanPeer.login("fl_changer", "olive kayak thunder 3"));
        assertThat(again.following().get()).containsExactly("fl_kept");
        assertThat(names(left.followingOf("fl_changer"))).containsExactly("fl_kept");
        assertThat(names(left.followersOf("fl_kept"))).containsExactly("fl_changer");
        waitAtMost(WAIT).until(() -> names(left.followersOf("fl_left")).isEmpty());
    }

    private static List<String> names(CompletableFuture<List<UserSummary>> list) {
        return await(list).stream().map(UserSummary::name).toList();
    }
}
