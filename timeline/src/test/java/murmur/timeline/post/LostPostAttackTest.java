package murmur.timeline.post;

import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: when the store does not take a new post (another writer already put a post with that number
 * into the database: a forked log), posting must fail instead of acknowledging a post that is not on disk.
 */
class LostPostAttackTest {
    private static LocalNet net;

    @BeforeAll
    static void network() {
        net = LocalNet.start(1, List.of());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void aPostTheStoreDidNotAddFailsAndTheNextOneFollowsWhatIsOnDisk(@TempDir Path dir) throws Exception {
        TimelineService me = await(net.peer(dir).register("lost_post", "ember violin quarry 9"));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("timeline.db"));
                PreparedStatement s = other.prepareStatement("INSERT INTO posts (author, device, seq, prev_hash, ts,"
                        + " text, sig, received_at) VALUES ('lost_post', ?, 1, ?, 0, 'written by another writer', ?,"
                        + " 0)")) {
            s.setString(1, me.deviceId());
            s.setBytes(2, new byte[32]);
            s.setBytes(3, new byte[64]);
            s.executeUpdate();
        }

        assertThat(reason(me.post("this one was never stored"))).isEqualTo(Reason.STORAGE);
        assertThat(me.timeline().get()).extracting(e -> e.post().text())
                .doesNotContain("this one was never stored");

        Post next = await(me.post("stored after all"));
        assertThat(next.seq()).as("the log continues after what the disk holds").isEqualTo(2);
    }
}
