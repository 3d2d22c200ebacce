package murmur.timeline;

import murmur.timeline.peer.TimelinePeer;
import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import murmur.timeline.Notification.Kind;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.testing.TestNet;
import murmur.timeline.testing.TestNet.Tier;
import murmur.timeline.testing.TierNets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FollowTest {
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
    void aFollowWhileTheTargetIsOfflineWaitsForItsLoginAndIsThenCleared(Tier tier,
            @TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        TimelinePeer targetPeer = net.peer(a);
        TimelineService target = await(targetPeer.register("tgt_off", "olive kayak thunder 1"));
        await(target.logout());
        TimelineService fan = await(net.peer(b).register("fan_off", "olive kayak thunder 2"));

        await(fan.follow("tgt_off"));
        assertThat(fan.following().get()).containsExactly("tgt_off");

        TimelineService back = await(targetPeer.login("tgt_off", "olive kayak thunder 1"));
        assertThat(back.notifications().get()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.FOLLOW);
            assertThat(n.from()).isEqualTo("fan_off");
            assertThat(n.whileAway()).isTrue();
        });
        assertThat(back.unreadNotifications().get()).isEqualTo(1);
        back.markNotificationsRead();
        waitAtMost(Duration.ofSeconds(5)).until(() -> back.unreadNotifications().get() == 0);

        await(back.logout());
        TimelineService elsewhere = await(net.peer(c).login("tgt_off", "olive kayak thunder 1"));
        assertThat(elsewhere.notifications().get()).as("cleared at the first login, so not shown again").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void anOnlineTargetHearsOfFollowAndUnfollowDirectly(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        TimelineService target = await(net.peer(a).register("tgt_on", "olive kayak thunder 1"));
        TimelineService fan = await(net.peer(b).register("fan_on", "olive kayak thunder 2"));

        await(fan.follow("tgt_on"));
        waitAtMost(Duration.ofSeconds(10)).until(() -> target.notifications().get().stream()
                .anyMatch(n -> n.kind() == Kind.FOLLOW && n.from().equals("fan_on") && !n.whileAway()));
        assertThat(await(target.followersOf("tgt_on"))).extracting(UserSummary::name).containsExactly("fan_on");

        await(fan.unfollow("tgt_on"));
        waitAtMost(Duration.ofSeconds(10)).until(() -> target.notifications().get().stream()
                .anyMatch(n -> n.kind() == Kind.UNFOLLOW && n.from().equals("fan_on")));
        assertThat(fan.following().get()).isEmpty();
        waitAtMost(Duration.ofSeconds(10)).until(() -> await(target.followersOf("tgt_on")).isEmpty());
        assertThat(await(fan.followingOf("fan_on"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void listsShowFollowersAndFollowingWithTheirPresence(Tier tier, @TempDir Path a, @TempDir Path b,
            @TempDir Path c) {
        TestNet net = nets.on(tier);
        TimelineService star = await(net.peer(a).register("star_l", "olive kayak thunder 1"));
        TimelineService online = await(net.peer(b).register("fan_l_on", "olive kayak thunder 2"));
        TimelinePeer leaverPeer = net.peer(c);
        TimelineService leaver = await(leaverPeer.register("fan_l_off", "olive kayak thunder 3"));
        await(online.follow("star_l"));
        await(leaver.follow("star_l"));
        await(leaver.logout());

        List<UserSummary> followers = await(star.followersOf("star_l"));
        assertThat(followers).extracting(UserSummary::name).containsExactly("fan_l_off", "fan_l_on");
        assertThat(followers).filteredOn(UserSummary::online).extracting(UserSummary::name)
                .containsExactly("fan_l_on");
        assertThat(await(star.followingOf("fan_l_off"))).extracting(UserSummary::name).containsExactly("star_l");
        waitAtMost(Duration.ofSeconds(5)).until(() -> online.followedPresence().get().containsKey("star_l")
                && online.followedPresence().get().get("star_l").online());
        assertThat(await(star.findUser("fan_l_on"))).hasValueSatisfying(u -> assertThat(u.online()).isTrue());
        assertThat(await(star.findUser("no_such_user"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void followingYourselfOrNobodyIsRefused(Tier tier, @TempDir Path a) {
        TestNet net = nets.on(tier);
        TimelineService me = await(net.peer(a).register("lonely_f", "olive kayak thunder 1"));
        assertThat(reason(me.follow("lonely_f"))).isEqualTo(Reason.CANNOT_FOLLOW_SELF);
        assertThat(reason(me.follow("ghost_user"))).isEqualTo(Reason.UNKNOWN_USER);
        assertThat(reason(me.follow("Bad Name"))).isEqualTo(Reason.INVALID_NAME);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void theFollowListSurvivesLoginOnAnotherMachineAndSuggestionsComeFromFollowees(Tier tier,
            @TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        TimelinePeer home = net.peer(a);
        for (String n : List.of("sug_x", "sug_y", "sug_z")) {
            await(home.register(n, "olive kayak thunder 0"));
        }
        TimelineService y = await(home.login("sug_y", "olive kayak thunder 0"));
        await(y.follow("sug_x"));
        TimelineService z = await(home.login("sug_z", "olive kayak thunder 0"));
        await(z.follow("sug_x"));
        await(z.follow("sug_y"));
        TimelineService w = await(net.peer(b).register("sug_w", "olive kayak thunder 0"));
        await(w.follow("sug_y"));
        await(w.follow("sug_z"));
        assertThat(await(w.suggestions())).containsExactly(new Suggestion("sug_x", 2));
        await(w.logout());

        TimelineService again = await(net.peer(c).login("sug_w", "olive kayak thunder 0"));
        assertThat(again.following().get()).containsExactlyInAnyOrder("sug_y", "sug_z");
    }
}
