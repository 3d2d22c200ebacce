package murmur.timeline;

import murmur.timeline.peer.TimelinePeer;
import static murmur.timeline.testing.LocalNet.reason;
import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.testing.TestNet;
import murmur.timeline.testing.TestNet.Tier;
import murmur.timeline.testing.TierNets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountsTest {
    private static TierNets nets;

    @BeforeAll
    static void network() {
        nets = new TierNets(3, List.of());
    }

    @AfterAll
    static void shutdown() {
        nets.close();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void registeredUserLogsInFromAnotherDataDirectoryWithOnlyNameAndPassword(Tier tier, @TempDir Path a,
            @TempDir Path b) {
        TestNet net = nets.on(tier);
        TimelinePeer first = net.peer(a);
        TimelineService alice = await(first.register("alice_acc", "correct horse"));
        Post p = await(alice.post("hello from the first machine"));
        await(alice.logout());
        net.stop(first);

        TimelinePeer second = net.peer(b);
        TimelineService again = await(second.login("alice_acc", "correct horse"));
        assertThat(again.user()).isEqualTo("alice_acc");
        Post next = await(again.post("and from the second"));
        assertThat(next.device()).as("each data directory is a device with a log of its own")
                .isEqualTo(again.deviceId()).isNotEqualTo(p.device());
        assertThat(next.seq()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aTakenNameIsRefusedWithTheReason(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        await(net.peer(a).register("bob_taken", "olive kayak thunder one"));
        assertThat(reason(net.peer(b).register("bob_taken", "olive kayak thunder two"))).isEqualTo(Reason.NAME_TAKEN);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aWrongPasswordIsAClearErrorAndEachRetryWaitsLonger(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        await(net.peer(a).register("carol_pw", "right password"));
        TimelinePeer other = net.peer(b);
        long t0 = System.nanoTime();
        assertThat(reason(other.login("carol_pw", "wrong password"))).isEqualTo(Reason.WRONG_PASSWORD);
        long first = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        assertThat(reason(other.login("carol_pw", "wrong again!"))).isEqualTo(Reason.WRONG_PASSWORD);
        long second = System.nanoTime() - t1;
        assertThat(second).as("the second wrong try is held back at least 200 ms (2 x 100 ms)")
                .isGreaterThanOrEqualTo(200_000_000L);
        assertThat(first).isPositive();
        assertThat(await(other.login("carol_pw", "right password")).user()).isEqualTo("carol_pw");
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void badNamesPasswordsAndUnknownUsersAreRefused(Tier tier, @TempDir Path a) {
        TestNet net = nets.on(tier);
        TimelinePeer peer = net.peer(a);
        assertThat(reason(peer.register("No Spaces", "long enough kayak"))).isEqualTo(Reason.INVALID_NAME);
        assertThat(reason(peer.register("ab", "long enough kayak"))).isEqualTo(Reason.INVALID_NAME);
        assertThat(reason(peer.register("dave_short", "short"))).isEqualTo(Reason.INVALID_PASSWORD);
        assertThat(reason(peer.login("nobody_here", "long enough kayak"))).isEqualTo(Reason.UNKNOWN_USER);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void withoutAnyReachableNodeRegistrationSaysNoNetwork(Tier tier, @TempDir Path a) {
        TestNet net = nets.on(tier);
        TimelinePeer alone = net.lonePeer(a);
        try {
            assertThat(reason(alone.register("erin_alone", "long enough kayak"))).isEqualTo(Reason.NO_NETWORK);
        } finally {
            net.stop(alone);
        }
    }
}
