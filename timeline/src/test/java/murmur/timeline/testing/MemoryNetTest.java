package murmur.timeline.testing;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import murmur.timeline.Post;
import murmur.timeline.Reachability;
import murmur.timeline.TimelineEntry;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory tier itself: whole peers work on it and open no socket. */
class MemoryNetTest {
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    @Test
    void peersRegisterFollowAndPostWithoutOpeningASocket(@TempDir Path a, @TempDir Path b) throws IOException {
        assumeThat(Files.isDirectory(OWN_FDS)).as("needs Linux /proc").isTrue();
        Set<String> before = openSockets();
        try (MemoryNet net = MemoryNet.start(2, List.of())) {
            TimelinePeer authorPeer = net.peer(a);
            TimelineService author = await(authorPeer.register("mem_author", "olive kayak thunder 1"));
            TimelineService fan = await(net.peer(b).register("mem_fan", "olive kayak thunder 2"));
            await(fan.follow("mem_author"));
            await(author.post("in memory"));
            waitAtMost(Duration.ofSeconds(10)).until(() -> fan.timeline().get().stream()
                    .map(TimelineEntry::post).map(Post::text).toList().contains("in memory"));

            assertThat(authorPeer.reachability().get().state()).as("loopback: no dial-back asked")
                    .isEqualTo(Reachability.State.THIS_COMPUTER_ONLY);
            Set<String> opened = openSockets();
            opened.removeAll(before);
            assertThat(opened).as("sockets opened while the peers ran").isEmpty();
        }
    }

    /** The socket inodes this process has open, as {@code /proc/self/fd} links them ("socket:[123]"). */
    private static Set<String> openSockets() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:")) {
                        sockets.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor closed between listing and reading: not a socket of ours
                }
            }
        }
        return sockets;
    }
}
