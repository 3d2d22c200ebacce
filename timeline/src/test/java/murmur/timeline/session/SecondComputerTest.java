package murmur.timeline.session;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in on a second computer, with an empty data directory: the user's own posts, written on the first, are
 * fetched from the followers who hold them, and the next post starts the second computer's own device log. Before
 * the login's catch-up took in the user's own log, the second computer showed only the followed users' posts.
 */
class SecondComputerTest {
    private static final String PASSWORD = "quartz lantern meadow 7";

    @Test
    void ownPostsFromTheFirstComputerAppearOnTheSecondAndTheLogGoesOn(@TempDir Path dir) {
        try (LocalNet net = LocalNet.start(2, List.of())) {
            TimelineService laptop = await(net.peer(dir.resolve("laptop")).register("ada", PASSWORD));
            TimelineService bob = await(net.peer(dir.resolve("bob")).register("bob", PASSWORD));
            await(bob.follow("ada"));
            waitAtMost(Duration.ofSeconds(20)).until(() -> !await(laptop.followersOf("ada")).isEmpty());
            for (int i = 1; i <= 3; i++) {
                await(laptop.post("from the laptop " + i));
            }
            waitAtMost(Duration.ofSeconds(20)).until(() -> bob.timeline().get().size() == 3);
            await(laptop.logout());

            TimelineService phone = await(net.peer(dir.resolve("phone")).login("ada", PASSWORD));

            waitAtMost(Duration.ofSeconds(20)).until(() -> texts(phone)
                    .equals(List.of("from the laptop 3", "from the laptop 2", "from the laptop 1")));
            Post next = await(phone.post("from the phone"));
            assertThat(next.device()).as("the phone writes a log of its own").isEqualTo(phone.deviceId());
            assertThat(next.seq()).isEqualTo(1);
            waitAtMost(Duration.ofSeconds(20)).until(() -> texts(bob).size() == 4);
            assertThat(texts(bob)).first().isEqualTo("from the phone");
        }
    }

    private static List<String> texts(TimelineService s) {
        return s.timeline().get().stream().map(TimelineEntry::post).map(Post::text).toList();
    }
}
