package murmur.timeline.session;

import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions on one peer and across peers, in memory. Cross-machine login and back-off: {@code AccountsTest}. */
class SessionTest {
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
    void afterLogoutTheSameUserLogsInAgainOnTheSamePeerAndCarriesOn(@TempDir Path dir) {
        TimelinePeer peer = net.peer(dir);
        TimelineService first = await(peer.register("sess_again", "olive kayak thunder 1"));
        assertThat(first.user()).isEqualTo("sess_again");
        Post one = await(first.post("before logout"));
        await(first.logout());
        assertThat(reason(first.post("too late"))).as("the old session is closed").isEqualTo(Reason.LOGGED_OUT);

        TimelineService again = await(peer.login("sess_again", "olive kayak thunder 1"));
        assertThat(again.user()).isEqualTo("sess_again");
        Post two = await(again.post("after login"));
        assertThat(two.seq()).isEqualTo(one.seq() + 1);
        assertThat(two.prevHash()).isEqualTo(one.hash());
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSamePeerAndTheRightOneStillWorks(@TempDir Path dir) {
        TimelinePeer peer = net.peer(dir);
        await(await(peer.register("sess_pw", "olive kayak thunder 1")).logout());
        assertThat(reason(peer.login("sess_pw", "olive kayak thunder 2"))).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(await(peer.login("sess_pw", "olive kayak thunder 1")).user()).isEqualTo("sess_pw");
    }

    @Test
    void aRefusedSecondRegistrationLeavesTheFirstAccountAsItWas(@TempDir Path a, @TempDir Path b) {
        TimelinePeer home = net.peer(a);
        await(await(home.register("sess_dup", "first password")).logout());
        TimelinePeer other = net.peer(b);

        assertThat(reason(other.register("sess_dup", "second password"))).isEqualTo(Reason.NAME_TAKEN);
        assertThat(reason(home.register("sess_dup", "second password"))).as("on its own peer too")
                .isEqualTo(Reason.NAME_TAKEN);
        assertThat(reason(other.login("sess_dup", "second password"))).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(await(other.login("sess_dup", "first password")).user()).isEqualTo("sess_dup");
    }

    @Test
    void loggingInAnotherUserLogsOutTheOneBefore(@TempDir Path dir) {
        TimelinePeer peer = net.peer(dir);
        TimelineService first = await(peer.register("sess_one", "olive kayak thunder 1"));
        TimelineService second = await(peer.register("sess_two", "olive kayak thunder 2"));

        assertThat(reason(first.follow("sess_two"))).isEqualTo(Reason.LOGGED_OUT);
        assertThat(second.user()).isEqualTo("sess_two");
        await(second.follow("sess_one"));
        assertThat(second.following().get()).containsExactly("sess_one");
    }
}
