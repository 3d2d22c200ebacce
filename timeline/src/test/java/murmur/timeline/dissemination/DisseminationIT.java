package murmur.timeline.dissemination;

import static murmur.timeline.testing.LocalNet.await;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full peers on loopback: posts down the tree, delivery counts back, and catch-up after being away. */
class DisseminationIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LocalNet net;

    @BeforeAll
    static void network() {
        net = LocalNet.start(3, List.of());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    private static boolean shows(TimelineService s, Post p) {
        return s.timeline().get().stream().map(TimelineEntry::post).anyMatch(p::equals);
    }

    @Test
    void onlineFollowersGetThePostAndTheAuthorSeesHowManyHaveIt(@TempDir Path a, @TempDir Path b,
            @TempDir Path c, @TempDir Path d) {
        TimelineService author = await(net.peer(a).register("dis_author", "olive kayak thunder 1"));
        List<TimelineService> followers = List.of(await(net.peer(b).register("dis_f1", "olive kayak thunder 1")),
                await(net.peer(c).register("dis_f2", "olive kayak thunder 1")),
                await(net.peer(d).register("dis_f3", "olive kayak thunder 1")));
        followers.forEach(f -> await(f.follow("dis_author")));

        Post post = await(author.post("hello followers"));

        await().atMost(WAIT).until(() -> followers.stream().allMatch(f -> shows(f, post)));
        await().atMost(WAIT).until(() -> author.timeline().get().stream()
                .anyMatch(e -> e.post().equals(post) && e.deliveredTo() == 3));
    }

    @Test
    void aFollowerThatWasOfflineGetsThePostsAtLoginFromTheAuthorOrWithTheAuthorOfflineFromAnotherFollower(
            @TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TimelinePeer authorPeer = net.peer(a);
        TimelineService author = await(authorPeer.register("cu_author", "olive kayak thunder 1"));
        TimelinePeer awayPeer = net.peer(b);
        TimelineService away = await(awayPeer.register("cu_away", "olive kayak thunder 1"));
        TimelineService stays = await(net.peer(c).register("cu_stays", "olive kayak thunder 1"));
        await(away.follow("cu_author"));
        await(stays.follow("cu_author"));
        await(away.logout());

        Post first = await(author.post("while you were out"));
        away = await(awayPeer.login("cu_away", "olive kayak thunder 1"));
        TimelineService back = away;
        await("from the author").atMost(WAIT).until(() -> shows(back, first));
        await(back.logout());

        Post second = await(author.post("and again"));
        await().atMost(WAIT).until(() -> shows(stays, second));
        await(author.logout());
        TimelineService again = await(awayPeer.login("cu_away", "olive kayak thunder 1"));
        await("from cu_stays, the author being offline").atMost(WAIT).until(() -> shows(again, second));
    }
}
