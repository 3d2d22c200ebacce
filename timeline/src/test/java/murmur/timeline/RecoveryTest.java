package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.identity.RecoveryPhrase;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.TestNet;
import murmur.timeline.testing.TestNet.Tier;
import murmur.timeline.testing.TierNets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Recovery phrase and password change on real peers: what a user with a new machine or a leaked password does. */
class RecoveryTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final String NEW_PASSWORD = "copper violin harbor 42";
    private static final Duration WAIT = Duration.ofSeconds(20);
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
    void thePhraseRestoresTheAccountOnAFreshDataDirectoryAndTheOldPasswordStopsWorking(Tier tier, @TempDir Path a,
            @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        String name = "rec_" + tier.name().toLowerCase();
        String friend = "recf_" + tier.name().toLowerCase();
        TimelinePeer other = net.peer(c);
        TimelineService pal = await(other.register(friend, "amber falcon river 99"));

        TimelinePeer laptop = net.peer(a);
        TimelineService alice = await(laptop.register(name, PASSWORD));
        await(pal.follow(name));
        await(alice.follow(friend));
        await(pal.post("a post by the friend"));
        Post first = await(alice.post("before the laptop was lost"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pal.timeline().get())
                .extracting(e -> e.post().text()).contains("before the laptop was lost"));
        List<String> phrase = await(alice.recoveryPhrase(PASSWORD));
        assertThat(phrase).hasSize(24);
        assertThat(reason(alice.recoveryPhrase("not my password at all"))).isEqualTo(Reason.WRONG_PASSWORD);
        await(alice.logout());
        net.stop(laptop);

        TimelinePeer fresh = net.peer(b);
        TimelineService restored = await(fresh.restore(name, phrase, NEW_PASSWORD));
        assertThat(restored.user()).isEqualTo(name);
        await().atMost(WAIT).untilAsserted(() -> assertThat(restored.following().get()).containsExactly(friend));
        await().atMost(WAIT).untilAsserted(() -> assertThat(restored.timeline().get())
                .extracting(e -> e.post().text()).contains("a post by the friend"));
        Post next = await(restored.post("from the new machine"));
        assertThat(next.device()).as("a new device, with a log of its own").isEqualTo(restored.deviceId())
                .isNotEqualTo(first.device());
        assertThat(next.seq()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(restored.timeline().get())
                .extracting(e -> e.post().text()).as("the lost laptop's log, from the followers")
                .contains("before the laptop was lost"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pal.timeline().get()).extracting(e -> e.post().text())
                .as("the follower takes the restored device's posts").contains("before the laptop was lost",
                        "from the new machine"));
        await(restored.logout());

        assertThat(reason(fresh.login(name, PASSWORD))).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(await(other.login(name, NEW_PASSWORD)).user()).isEqualTo(name);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void anotherAccountsPhraseOrAMistypedOneIsRefusedWithTheReason(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        String suffix = tier.name().toLowerCase();
        TimelinePeer peer = net.peer(a);
        TimelineService bob = await(peer.register("recb_" + suffix, PASSWORD));
        List<String> bobs = await(bob.recoveryPhrase(PASSWORD));
        await(bob.logout());
        TimelineService carol = await(peer.register("recc_" + suffix, "amber falcon river 99"));
        await(carol.logout());

        TimelinePeer fresh = net.peer(b);
        assertThat(reason(fresh.restore("recc_" + suffix, bobs, NEW_PASSWORD))).isEqualTo(Reason.WRONG_PHRASE);
        List<String> mistyped = new ArrayList<>(bobs);
        mistyped.set(3, "notaword");
        assertThat(reason(fresh.restore("recb_" + suffix, mistyped, NEW_PASSWORD))).isEqualTo(Reason.INVALID_PHRASE);
        assertThat(reason(fresh.restore("recb_" + suffix, bobs, "weak"))).isEqualTo(Reason.INVALID_PASSWORD);
        assertThat(reason(fresh.restore("nobody_rec", bobs, NEW_PASSWORD))).isEqualTo(Reason.UNKNOWN_USER);
        assertThat(await(fresh.login("recc_" + suffix, "amber falcon river 99")).user()).as("carol is untouched")
                .isEqualTo("recc_" + suffix);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aChangedPasswordWorksOnAnotherPeerAndTheOldOneIsRefused(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        String name = "recpw_" + tier.name().toLowerCase();
        TimelinePeer laptop = net.peer(a);
        TimelineService dan = await(laptop.register(name, PASSWORD));
        List<String> phrase = await(dan.recoveryPhrase(PASSWORD));
        assertThat(reason(dan.changePassword("wrong old password", NEW_PASSWORD))).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(reason(dan.changePassword(PASSWORD, "password"))).isEqualTo(Reason.INVALID_PASSWORD);
        await(dan.changePassword(PASSWORD, NEW_PASSWORD));
        assertThat(await(dan.recoveryPhrase(NEW_PASSWORD))).as("the phrase stays the same").isEqualTo(phrase);

        TimelinePeer phone = net.peer(b);
        assertThat(reason(phone.login(name, PASSWORD))).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(await(phone.login(name, NEW_PASSWORD)).user()).isEqualTo(name);
        await(dan.logout());
        assertThat(reason(laptop.login(name, PASSWORD))).isEqualTo(Reason.WRONG_PASSWORD);
    }

    /** Old code: the Settings page let anyone at an unlocked device guess the password at full speed. */
    @Test
    void wrongPasswordsInSettingsAreThrottledLikeWrongPasswordsAtLogin(@TempDir Path a) {
        TestNet net = nets.on(Tier.MEMORY);
        TimelinePeer laptop = net.peer(a);
        TimelineService eve = await(laptop.register("recthr_m", PASSWORD));
        assertThat(wrongPasswordMessage(eve.changePassword("a wrong guess one", NEW_PASSWORD))).doesNotContain("tries");
        assertThat(wrongPasswordMessage(eve.recoveryPhrase("a wrong guess two")))
                .contains("2 wrong tries in a row");
        await(eve.logout());
        assertThat(wrongPasswordMessage(laptop.login("recthr_m", "a wrong guess three")))
                .as("Settings and the sign-in screen count wrong passwords together").contains("3 wrong tries");
        assertThat(await(laptop.login("recthr_m", PASSWORD)).user()).isEqualTo("recthr_m");
    }

    private static String wrongPasswordMessage(java.util.concurrent.CompletableFuture<?> call) {
        assertThat(reason(call)).isEqualTo(Reason.WRONG_PASSWORD);
        Throwable e = call.handle((v, t) -> t).join();
        while (!(e instanceof TimelineException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    @Test
    void thePhraseIsTheBip39EncodingOfTheKeySeed() {
        assertThat(RecoveryPhrase.encode(new byte[32])).endsWith("art").hasSize(24);
    }
}
