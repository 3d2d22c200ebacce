package murmur.timeline.crash;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer killed with SIGKILL in the middle of posting loses nothing it acknowledged: not on its own disk, and not for
 * the account's other device (a laptop signed in beside it), which ends up holding every acknowledged post.
 */
class KillNineIT {

    @Test
    void everyAcknowledgedPostAndFollowSurvivesKillNine(@TempDir Path childDir, @TempDir Path friendDir,
            @TempDir Path laptopDir) throws Exception {
        try (LocalNet net = LocalNet.start(2, List.of())) {
            await(net.peer(friendDir).register("friend_k", "olive kayak thunder 1"));
            List<String> acks = new CopyOnWriteArrayList<>();
            Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    PostingChild.class.getName(), childDir.toString(),
                    String.valueOf(net.seedAddresses().get(0).getPort()), "victim_k", "friend_k")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> readLines(child, acks));
            reader.start();
            TimelineService laptop;
            try {
                waitAtMost(Duration.ofSeconds(60)).until(() -> acks.contains("ACK follow friend_k"));
                laptop = await(net.peer(laptopDir).login("victim_k", "olive kayak thunder 1"));
                int before = acks.size();
                waitAtMost(Duration.ofSeconds(60)).until(() -> acks.size() >= before + 25);
            } finally {
                child.destroyForcibly();
                child.waitFor();
                reader.join();
            }
            assertThat(acks).contains("ACK follow friend_k");
            List<Long> acked = new ArrayList<>();
            acks.stream().filter(l -> l.startsWith("ACK post "))
                    .forEach(l -> acked.add(Long.parseLong(l.substring(9))));

            TimelinePeer restarted = net.peer(childDir);
            TimelineService me = await(restarted.login("victim_k", "olive kayak thunder 1"));
            List<Long> kept = me.timeline().get().stream().map(TimelineEntry::post)
                    .filter(p -> p.author().equals("victim_k")).map(Post::seq).toList();
            assertThat(kept).containsAll(acked);
            assertThat(me.following().get()).containsExactly("friend_k");
            long highest = kept.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(await(me.post("after the crash")).seq()).isEqualTo(highest + 1);

            String device = me.deviceId();
            waitAtMost(Duration.ofSeconds(60)).alias("the laptop holds every post the killed device acknowledged")
                    .until(() -> seqsHeld(laptopDir, "victim_k", device).containsAll(acked));
        }
    }

    /** The sequence numbers of one device log on disk in {@code dataDir} (read beside the running peer). */
    private static Set<Long> seqsHeld(Path dataDir, String author, String device) throws SQLException {
        Set<Long> seqs = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("timeline.db"));
                PreparedStatement s = c.prepareStatement("SELECT seq FROM posts WHERE author = ? AND device = ?")) {
            s.setString(1, author);
            s.setString(2, device);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        return seqs;
    }

    private static void readLines(Process child, List<String> acks) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                acks.add(line);
            }
        } catch (java.io.IOException e) {
            // the child was killed mid-line: everything read so far counts
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
