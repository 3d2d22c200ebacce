package murmur.timeline;

import murmur.timeline.peer.TimelinePeer;
import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.timeline.records.Keys;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records expire at the end of their time-to-live, so a login re-issues every record the name owns. */
class AccountRefreshTest {
    private static LocalNet net;
    private static DhtNode reader;

    @BeforeAll
    static void network() {
        net = LocalNet.start(3, List.of());
        reader = DhtNode.builder().settings(net.settings().dht()).build();
        await(reader.start());
        await(reader.bootstrap(net.seedAddresses()));
    }

    @AfterAll
    static void shutdown() {
        reader.stop().join();
        net.close();
    }

    @Test
    void aLoginReissuesTheNamesRecordsWithTheirSequenceNumbersAndALaterIssueTime(@TempDir Path a, @TempDir Path b) {
        TimelinePeer first = net.peer(a);
        await(first.register("keeper_k", "olive kayak thunder 1"));
        List<NodeId> keys = List.of(Keys.user("keeper_k"), Keys.profile("keeper_k"), Keys.following("keeper_k"),
                Keys.feed("keeper_k"));
        Map<NodeId, OwnedRecord> before = read(keys);
        assertThat(before).hasSize(4);
        net.stop(first);

        await(net.peer(b).login("keeper_k", "olive kayak thunder 1"));
        waitAtMost(Duration.ofSeconds(15)).until(() -> read(keys).values().stream()
                .allMatch(r -> r.issuedAt().isAfter(before.get(r.key()).issuedAt())));
        read(keys).values().forEach(r -> assertThat(r.seq()).as("a refresh, not a new version of " + r.key())
                .isEqualTo(before.get(r.key()).seq()));
    }

    private static Map<NodeId, OwnedRecord> read(List<NodeId> keys) {
        return keys.stream().map(k -> await(reader.get(k))).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(OwnedRecord::key, Function.identity()));
    }
}
