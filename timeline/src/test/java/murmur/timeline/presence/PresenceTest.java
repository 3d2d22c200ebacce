package murmur.timeline.presence;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.timeline.TimelineService;
import murmur.timeline.UserSummary;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a user is online, as another peer sees it, in memory. Presence here stays fresh for an hour, so a user
 * seen offline within {@link #WAIT} was published offline at logout, not merely left to go stale.
 */
class PresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MemoryNet net;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of("timeline.presenceTtl=1h"));
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void anotherPeerSeesAUserOnlineThenOfflineAfterLogoutThenOnlineAgain(@TempDir Path a, @TempDir Path b) {
        TimelinePeer alicePeer = net.peer(a);
        TimelineService alice = await(alicePeer.register("pr_alice", "olive kayak thunder 1"));
        TimelineService bob = await(net.peer(b).register("pr_bob", "olive kayak thunder 2"));

        UserSummary online = await(bob.findUser("pr_alice")).orElseThrow();
        assertThat(online.online()).isTrue();
        await(alice.logout());
        waitAtMost(WAIT).until(() -> !summary(bob, "pr_alice").online());
        Instant leftAt = summary(bob, "pr_alice").lastSeen();

        await(alicePeer.login("pr_alice", "olive kayak thunder 1"));
        waitAtMost(WAIT).until(() -> summary(bob, "pr_alice").online());
        assertThat(summary(bob, "pr_alice").lastSeen()).isAfter(leftAt);
    }

    @Test
    void aFolloweeGoingOfflineShowsInTheFollowersPresenceList(@TempDir Path a, @TempDir Path b) {
        TimelineService star = await(net.peer(a).register("pr_star", "olive kayak thunder 1"));
        TimelineService fan = await(net.peer(b).register("pr_fan", "olive kayak thunder 2"));
        await(fan.follow("pr_star"));
        waitAtMost(WAIT).until(() -> isOnline(fan, "pr_star").orElse(false));

        await(star.logout());
        waitAtMost(WAIT).until(() -> !isOnline(fan, "pr_star").orElse(true));
    }

    @Test
    void aPeerInMemoryPublishesItsOwnLoopbackLinkAddress(@TempDir Path a) {
        TimelinePeer peer = net.peer(a);
        await(peer.register("pr_addr", "olive kayak thunder 1"));
        assertThat(peer.peerAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(peer.publishedAddresses()).containsExactly(PeerAddresses.format(peer.peerAddress()));
    }

    private static UserSummary summary(TimelineService reader, String name) {
        return await(reader.findUser(name)).orElseThrow();
    }

    private static Optional<Boolean> isOnline(TimelineService follower, String name) {
        return Optional.ofNullable(follower.followedPresence().get().get(name)).map(UserSummary::online);
    }
}
