package murmur.timeline.dissemination;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import murmur.timeline.Fanout;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.MemoryNet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a running peer says of how its user's posts leave ({@code Accounts.fanout()}), for each way of choosing. */
class FanoutStatusTest {

    @Test
    void withAutoItIsBinaryUntilAnOwnPostHasLeftThenTheDegreeTheMeasuredUplinkPicks(@TempDir Path a,
            @TempDir Path b) {
        try (MemoryNet net = MemoryNet.start(3, List.of("timeline.fanoutDegree=auto"))) {
            TimelinePeer alicePeer = net.peer(a);
            TimelineService alice = await(alicePeer.register("fan_alice", "olive kayak thunder 1"));
            TimelineService bob = await(net.peer(b).register("fan_bob", "olive kayak thunder 2"));
            await(bob.follow("fan_alice"));
            assertThat(alicePeer.fanout().get()).isEqualTo(Fanout.NOT_MEASURED);

            await(alice.post("measure my uplink"));

            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> alicePeer.fanout().get().basis() == Fanout.Basis.MEASURED);
            Fanout measured = alicePeer.fanout().get();
            assertThat(measured.uplinkBitsPerSecond()).isPositive();
            assertThat(measured.degree()).isEqualTo(FanoutDegree.forUplink(
                    OptionalLong.of(measured.uplinkBitsPerSecond())));
        }
    }

    @Test
    void aDegreeOrUplinkFromTheSettingsIsShownAsSuch(@TempDir Path a, @TempDir Path b) {
        try (MemoryNet net = MemoryNet.start(3, List.of("timeline.fanoutDegree=auto", "timeline.uplink=500kbit"))) {
            assertThat(net.peer(a).fanout().get()).isEqualTo(new Fanout(4, 500_000, Fanout.Basis.SET_UPLINK));
        }
        try (MemoryNet net = MemoryNet.start(3, List.of())) {
            assertThat(net.peer(b).fanout().get()).as("the default, binary")
                    .isEqualTo(new Fanout(2, 0, Fanout.Basis.SET_DEGREE));
        }
    }
}
