package murmur.timeline.dissemination;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A post missing in the middle of a follower's copy of a log is noticed and fetched, not only the newest ones. */
class GapFillIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aHoleInTheMiddleIsFilledAtLogin(@TempDir Path a, @TempDir Path b) throws Exception {
        try (LocalNet net = LocalNet.start(3, List.of())) {
            TimelineService author = await(net.peer(a).register("gap_author", "olive kayak thunder 1"));
            TimelinePeer followerPeer = net.peer(b);
            TimelineService follower = await(followerPeer.register("gap_reader", "olive kayak thunder 1"));
            await(follower.follow("gap_author"));
            for (int i = 1; i <= 3; i++) {
                await(author.post("post " + i));
            }
            waitAtMost(WAIT).until(() -> seqs(follower).equals(List.of(3L, 2L, 1L)));
            await(follower.logout());
            net.stop(followerPeer);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + b.resolve("timeline.db"))) {
                db.createStatement().executeUpdate("DELETE FROM posts WHERE author = 'gap_author' AND seq = 2");
            }

            TimelineService back = await(net.peer(b).login("gap_reader", "olive kayak thunder 1"));
            waitAtMost(WAIT).until(() -> seqs(back).equals(List.of(3L, 2L, 1L)));
            assertThat(back.timeline().get()).extracting(e -> e.post().text())
                    .containsExactly("post 3", "post 2", "post 1");
        }
    }

    private static List<Long> seqs(TimelineService s) {
        return s.timeline().get().stream().map(TimelineEntry::post).map(Post::seq).toList();
    }
}
