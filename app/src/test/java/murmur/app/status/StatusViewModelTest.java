package murmur.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.app.fakes.FakeAccounts;
import murmur.dht.TestClock;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
import murmur.timeline.Fanout;
import murmur.timeline.Reachability;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
    private final FakeAccounts peer = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")));
    private final StatusViewModel model = new StatusViewModel(peer, Runnable::run);

    @Test
    void connectionAndPeers() {
        model.activate();
        assertThat(model.online().get()).isTrue();
        assertThat(model.connection().get()).isEqualTo("Online · 3 DHT peers");
        peer.connectionValue().set(ConnectionStatus.OFFLINE);
        assertThat(model.online().get()).isFalse();
        assertThat(model.connection().get()).startsWith("Offline");
    }

    @Test
    void warnsWhileNoTimeSourceAnswers() {
        model.activate();
        assertThat(model.clockWarning().get()).isTrue();
        assertThat(model.clock().get()).startsWith("No time source answers");
        peer.clockValue().set(new ClockStatus(true, Duration.ofMillis(-42), Optional.of("127.0.0.1:4123"),
                Instant.parse("2025-01-01T10:00:00Z")));
        assertThat(model.clockWarning().get()).isFalse();
        assertThat(model.clock().get()).isEqualTo("clock offset -42 ms, synchronised with 127.0.0.1:4123");
        assertThat(StatusViewModel.offset(Duration.ofMillis(2500))).isEqualTo("+2.5 s");
    }

    @Test
    void saysInWordsWhetherOtherComputersCanReachThisOne() {
        model.activate();
        assertThat(model.reachability().get()).startsWith("Checking whether other computers can reach");
        assertThat(model.reachable().get()).isFalse();

        peer.reachabilityValue().set(new Reachability(Reachability.State.REACHABLE, List.of("203.0.113.7:41000"),
                "PCP", "Reachable at 203.0.113.7:41000 (router opened by PCP)"));
        assertThat(model.reachability().get()).isEqualTo("Reachable at 203.0.113.7:41000 (router opened by PCP)");
        assertThat(model.reachable().get()).isTrue();

        peer.reachabilityValue().set(new Reachability(Reachability.State.UNREACHABLE, List.of("192.168.1.20:41000"),
                "", "Behind a router that could not be opened"));
        assertThat(model.reachability().get()).isEqualTo("Behind a router that could not be opened");
        assertThat(model.reachable().get()).as("the status bar warns").isFalse();
    }

    @Test
    void saysHowManyCopiesOfEachPostLeaveAndWhatUplinkThatWasPickedFor() {
        model.activate();
        assertThat(model.fanout().get()).isEqualTo("Uplink not measured yet · each post leaves as 2 copies");

        peer.fanoutValue().set(new Fanout(8, 12_480_000, Fanout.Basis.MEASURED));
        assertThat(model.fanout().get()).isEqualTo("Uplink 12.5 Mbit/s (measured) · each post leaves as 8 copies");
    }

    @Test
    void stopsListeningWhenDeactivated() {
        model.activate();
        model.deactivate();
        peer.connectionValue().set(ConnectionStatus.OFFLINE);
        assertThat(model.online().get()).isTrue();
    }
}
