package murmur.timeline.records;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import murmur.dht.OwnedRecord;
import murmur.dht.node.DhtNode;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Own posts and {@code feed/<name>} across logins, and posts reaching followers, in memory. */
class PostRecordsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MemoryNet net;
    private static DhtNode reader;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of());
        reader = net.reader();
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void ownPostsAndTheFeedHeadSurviveLogoutAndLogin(@TempDir Path dir) {
        TimelinePeer peer = net.peer(dir);
        TimelineService me = await(peer.register("rec_own", "olive kayak thunder 1"));
        await(me.post("first"));
        Post second = await(me.post("second"));
        await(me.logout());

        TimelineService again = await(peer.login("rec_own", "olive kayak thunder 1"));
        assertThat(texts(again)).containsExactly("second", "first");
        OwnedRecord feed = await(reader.get(Keys.feed("rec_own"))).orElseThrow();
        FeedHead head = RecordJson.decode(feed.value(), FeedHead.class, "feed/rec_own");
        assertThat(head.seq()).as("no legacy log").isZero();
        assertThat(head.devices()).singleElement().satisfies(d -> {
            assertThat(d.device()).isEqualTo(me.deviceId()).isEqualTo(second.device());
            assertThat(d.seq()).isEqualTo(2);
            assertThat(d.hash()).isEqualTo(second.hash());
        });
    }

    @Test
    void aPostReachesAnOnlineFollowersTimelineInOrder(@TempDir Path a, @TempDir Path b) {
        TimelineService author = await(net.peer(a).register("rec_author", "olive kayak thunder 1"));
        TimelineService fan = await(net.peer(b).register("rec_fan", "olive kayak thunder 2"));
        await(fan.follow("rec_author"));

        await(author.post("hello followers"));
        waitAtMost(WAIT).until(() -> texts(fan).contains("hello followers"));
        await(author.post("and again"));
        waitAtMost(WAIT).until(() -> texts(fan).equals(List.of("and again", "hello followers")));
        assertThat(fan.timeline().get()).allSatisfy(e -> assertThat(e.post().author()).isEqualTo("rec_author"));
    }

    @Test
    void aFollowerWhoWasAwayGetsThePostsAtLogin(@TempDir Path a, @TempDir Path b) {
        TimelineService author = await(net.peer(a).register("rec_writer", "olive kayak thunder 1"));
        TimelinePeer fanPeer = net.peer(b);
        TimelineService fan = await(fanPeer.register("rec_reader", "olive kayak thunder 2"));
        await(fan.follow("rec_writer"));
        await(fan.logout());

        await(author.post("while you were out"));
        TimelineService back = await(fanPeer.login("rec_reader", "olive kayak thunder 2"));
        waitAtMost(WAIT).until(() -> texts(back).contains("while you were out"));
    }

    private static List<String> texts(TimelineService s) {
        return s.timeline().get().stream().map(TimelineEntry::post).map(Post::text).toList();
    }
}
