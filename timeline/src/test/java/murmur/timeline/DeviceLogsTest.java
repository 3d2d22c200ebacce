package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.TestNet;
import murmur.timeline.testing.TestNet.Tier;
import murmur.timeline.testing.TierNets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15's scenario: one account on a laptop and a phone, a follower on a third peer. Each device writes a log of
 * its own, so posts written on both at the same moment fork nothing: the follower and both devices end up with every
 * acknowledged post, in the same order. Before device logs, the follower held 3 of 5 and each device only its own.
 */
class DeviceLogsTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void postsFromTwoDevicesAtOnceAllReachTheFollowerAndBothDevicesInOneOrder(Tier tier, @TempDir Path a,
            @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        String name = "dl_" + tier.name().toLowerCase();
        TimelineService laptop = await(net.peer(a).register(name, PASSWORD));
        TimelineService phone = await(net.peer(b).login(name, PASSWORD));
        TimelineService follower = await(net.peer(c).register(name + "_fan", PASSWORD));
        await(follower.follow(name));
        waitAtMost(WAIT).until(() -> !await(laptop.followersOf(name)).isEmpty());

        List<Post> acknowledged = new ArrayList<>();
        acknowledged.add(await(laptop.post("laptop 1")));
        CompletableFuture<Post> fromLaptop = laptop.post("laptop 2, at the same time");
        CompletableFuture<Post> fromPhone = phone.post("phone 1, at the same time");
        acknowledged.add(await(fromLaptop));
        acknowledged.add(await(fromPhone));
        acknowledged.add(await(laptop.post("laptop 3")));
        acknowledged.add(await(phone.post("phone 2")));
        List<String> written = acknowledged.stream().map(Post::text).toList();

        waitAtMost(WAIT).until(() -> texts(follower).containsAll(written) && texts(laptop).containsAll(written)
                && texts(phone).containsAll(written));
        assertThat(texts(follower)).hasSize(5).isEqualTo(texts(laptop)).isEqualTo(texts(phone));
        assertThat(acknowledged).extracting(Post::device).containsOnly(laptop.deviceId(), phone.deviceId());
        System.out.printf("{\"probe\":\"two-devices\",\"tier\":\"%s\",\"acknowledged\":%d,\"follower\":%d,"
                + "\"laptop\":%d,\"phone\":%d}%n", tier, acknowledged.size(), texts(follower).size(),
                texts(laptop).size(), texts(phone).size());
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void devicesStayInStepOnlineAndOneThatWasAwayCatchesUpAtLogin(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        String name = "dla_" + tier.name().toLowerCase();
        TimelinePeer phonePeer = net.peer(b);
        TimelineService laptop = await(net.peer(a).register(name, PASSWORD));
        TimelineService phone = await(phonePeer.login(name, PASSWORD));
        await(phone.post("phone before"));
        waitAtMost(WAIT).alias("devices in step while both are online")
                .until(() -> texts(laptop).contains("phone before"));
        await(phone.logout());
        for (int i = 1; i <= 3; i++) {
            await(laptop.post("laptop " + i));
        }

        TimelineService back = await(phonePeer.login(name, PASSWORD));
        waitAtMost(WAIT).until(() -> texts(back).containsAll(List.of("laptop 1", "laptop 2", "laptop 3")));
        Post next = await(back.post("phone after"));
        assertThat(next.seq()).as("the phone's own log goes on").isEqualTo(2);
        waitAtMost(WAIT).until(() -> texts(laptop).contains("phone after"));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aFollowOrUnfollowOnOneDeviceShowsOnTheOtherAndNeitherUndoesTheOther(Tier tier, @TempDir Path a,
            @TempDir Path b, @TempDir Path c, @TempDir Path d) {
        TestNet net = nets.on(tier);
        String name = "dlf_" + tier.name().toLowerCase();
        TimelineService laptop = await(net.peer(a).register(name, PASSWORD));
        TimelineService phone = await(net.peer(b).login(name, PASSWORD));
        TimelineService star = await(net.peer(c).register(name + "_star", PASSWORD));
        TimelineService other = await(net.peer(d).register(name + "_other", PASSWORD));
        await(star.post("worth following"));

        await(laptop.follow(star.user()));
        waitAtMost(WAIT).until(() -> phone.following().get().contains(star.user()));
        waitAtMost(WAIT).until(() -> texts(phone).contains("worth following"));
        await(phone.follow(other.user()));
        assertThat(phone.following().get()).as("the phone's follow keeps the laptop's")
                .containsExactlyInAnyOrder(star.user(), other.user());
        waitAtMost(WAIT).until(() -> laptop.following().get().equals(Set.of(star.user(), other.user())));
        await(laptop.unfollow(star.user()));
        waitAtMost(WAIT).until(() -> phone.following().get().equals(Set.of(other.user())));
    }

    private static List<String> texts(TimelineService s) {
        return s.timeline().get().stream().map(TimelineEntry::post).map(Post::text).toList();
    }
}
