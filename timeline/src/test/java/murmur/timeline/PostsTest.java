package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostsTest {
    private static LocalNet net;

    @BeforeAll
    static void network() {
        net = LocalNet.start(2, List.of("timeline.maxPostChars=20"));
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void aPostIsOnDiskWhenPostReturnsAndChainsToThePreviousOne(@TempDir Path dir) throws Exception {
        TimelineService me = await(net.peer(dir).register("poster_a", "olive kayak thunder 1"));
        Post first = await(me.post("first"));
        Post second = await(me.post("second"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("timeline.db"));
                ResultSet rs = other.createStatement().executeQuery(
                        "SELECT seq, text FROM posts WHERE author = 'poster_a' ORDER BY seq")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("first");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("second");
        }
        assertThat(me.timeline().get()).extracting(e -> e.post().text()).containsExactly("second", "first");
    }

    @Test
    void emptyAndOverlongPostsAreRefusedWithTheLimit(@TempDir Path dir) {
        TimelineService me = await(net.peer(dir).register("poster_b", "olive kayak thunder 1"));
        assertThat(me.maxPostChars()).isEqualTo(20);
        assertThat(reason(me.post("   "))).isEqualTo(Reason.EMPTY_POST);
        assertThat(reason(me.post("x".repeat(21)))).isEqualTo(Reason.POST_TOO_LONG);
        assertThat(await(me.post("\uD83D\uDE00".repeat(20))).text()).as("limit counts characters, not UTF-16 units")
                .hasSize(40);
    }

    @Test
    void aStrangersPostsAreFetchedForTheirProfileWithoutFollowing(@TempDir Path a, @TempDir Path b) {
        TimelineService author = await(net.peer(a).register("poster_d", "olive kayak thunder 1"));
        await(author.post("one"));
        await(author.post("two"));
        TimelineService stranger = await(net.peer(b).register("visitor_d", "olive kayak thunder 1"));
        assertThat(await(stranger.postsBy("poster_d"))).extracting(Post::text).containsExactly("two", "one");
        assertThat(stranger.timeline().get()).as("not followed, so not on the home timeline").isEmpty();
    }

    @Test
    void afterLogoutTheServiceRefusesWork(@TempDir Path dir) {
        TimelineService me = await(net.peer(dir).register("poster_c", "olive kayak thunder 1"));
        await(me.logout());
        assertThat(reason(me.post("too late"))).isEqualTo(Reason.LOGGED_OUT);
    }
}
