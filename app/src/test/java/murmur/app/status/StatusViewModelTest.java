package murmur.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import murmur.app.fakes.FakeAccounts;
import murmur.dht.TestClock;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
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
    void stopsListeningWhenDeactivated() {
        model.activate();
        model.deactivate();
        peer.connectionValue().set(ConnectionStatus.OFFLINE);
        assertThat(model.online().get()).isTrue();
    }
}
