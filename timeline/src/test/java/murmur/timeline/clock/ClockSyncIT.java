package murmur.timeline.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import murmur.timeline.ClockStatus;
import murmur.dht.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ClockSync} against SNTP servers on loopback that are skewed, silent or lying. */
class ClockSyncIT {
    private static final Duration TOLERANCE = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final TestClock base = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    @Test
    void measuresTheOffsetOfASkewedSource() throws Exception {
        FakeSntpServer server = server().skew(Duration.ofSeconds(3));
        ClockSync sync = sync(Duration.ofHours(1), server.address());

        ClockStatus status = sync.syncNow().get(5, TimeUnit.SECONDS);

        assertThat(status.synchronised()).isTrue();
        assertCloseTo(status.offset(), Duration.ofSeconds(3));
        assertThat(status.source()).contains("127.0.0.1:" + server.address().getPort());
        assertThat(status.lastSync()).isEqualTo(sync.clock().instant());
        assertCloseTo(Duration.between(base.instant(), sync.clock().instant()), Duration.ofSeconds(3));
        assertThat(sync.status().get()).isEqualTo(status);
    }

    @Test
    void asksTheNextSourceWhenTheFirstIsSilentOrUnknown() throws Exception {
        FakeSntpServer silent = server().behave(FakeSntpServer.Behaviour.SILENT);
        FakeSntpServer answering = server().skew(Duration.ofSeconds(-2));
        InetSocketAddress unknown = InetSocketAddress.createUnresolved("no-such-host.invalid", 123);
        ClockSync sync = sync(Duration.ofHours(1), unknown, silent.address(), answering.address());

        ClockStatus status = sync.syncNow().get(5, TimeUnit.SECONDS);

        assertThat(status.synchronised()).isTrue();
        assertCloseTo(status.offset(), Duration.ofSeconds(-2));
        assertThat(status.source()).contains("127.0.0.1:" + answering.address().getPort());
        assertThat(silent.requests()).isEqualTo(1);
    }

    @Test
    void keepsTheLastOffsetButReportsUnsynchronisedWhenNoSourceAnswers() throws Exception {
        FakeSntpServer server = server().skew(Duration.ofSeconds(3));
        ClockSync sync = sync(Duration.ofHours(1), server.address());
        ClockStatus first = sync.syncNow().get(5, TimeUnit.SECONDS);
        server.behave(FakeSntpServer.Behaviour.SILENT);
        base.advance(Duration.ofMinutes(10));

        ClockStatus second = sync.syncNow().get(5, TimeUnit.SECONDS);

        assertThat(second).isEqualTo(new ClockStatus(false, first.offset(), first.source(), first.lastSync()));
        assertThat(sync.clock().offset()).isEqualTo(first.offset());
    }

    @Test
    void isUnsynchronisedWithoutSources() throws Exception {
        ClockSync sync = sync(Duration.ofHours(1));

        assertThat(sync.syncNow().get(5, TimeUnit.SECONDS)).isEqualTo(ClockStatus.UNSYNCHRONISED);
        assertThat(sync.clock().instant()).isEqualTo(base.instant());
    }

    @ParameterizedTest
    @EnumSource(value = FakeSntpServer.Behaviour.class, names = {"GARBAGE", "KISS_OF_DEATH", "WRONG_ORIGIN"})
    void refusesAnswersThatCannotBeRight(FakeSntpServer.Behaviour lie) throws Exception {
        FakeSntpServer liar = server().skew(Duration.ofSeconds(30)).behave(lie);
        FakeSntpServer honest = server().skew(Duration.ofSeconds(1));
        ClockSync sync = sync(Duration.ofHours(1), liar.address(), honest.address());

        ClockStatus status = sync.syncNow().get(5, TimeUnit.SECONDS);

        assertThat(liar.requests()).isEqualTo(1);
        assertThat(status.source()).contains("127.0.0.1:" + honest.address().getPort());
        assertCloseTo(status.offset(), Duration.ofSeconds(1));
    }

    @Test
    void refusesAnAbsurdOffset() throws Exception {
        FakeSntpServer server = server().skew(Duration.ofDays(40));
        ClockSync sync = sync(Duration.ofHours(1), server.address());

        assertThat(sync.syncNow().get(5, TimeUnit.SECONDS)).isEqualTo(ClockStatus.UNSYNCHRONISED);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void periodicRefreshFollowsTheSource() throws Exception {
        FakeSntpServer server = server().skew(Duration.ofSeconds(3));
        ClockSync sync = sync(Duration.ofMillis(50), server.address());
        sync.start().get(1, TimeUnit.SECONDS);
        await().atMost(5, TimeUnit.SECONDS).until(() -> sync.status().get().synchronised());
        assertCloseTo(sync.clock().offset(), Duration.ofSeconds(3));

        server.skew(Duration.ofSeconds(5));

        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() ->
                assertCloseTo(sync.status().get().offset(), Duration.ofSeconds(5)));
        assertCloseTo(sync.clock().offset(), Duration.ofSeconds(5));
    }

    @Test
    void refusesWorkOnceStopped() throws Exception {
        ClockSync sync = sync(Duration.ofMillis(50));
        sync.start().get(1, TimeUnit.SECONDS);

        sync.stop().get(5, TimeUnit.SECONDS);
        sync.stop().get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> sync.syncNow().get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    private FakeSntpServer server() throws SocketException {
        FakeSntpServer server = new FakeSntpServer(base);
        resources.add(server);
        return server;
    }

    private ClockSync sync(Duration refresh, InetSocketAddress... sources) {
        ClockSync sync = new ClockSync(List.of(sources), refresh, TIMEOUT, base);
        resources.add(0, () -> sync.stop().get(5, TimeUnit.SECONDS));
        return sync;
    }

    private static void assertCloseTo(Duration actual, Duration expected) {
        assertThat(actual.minus(expected).abs()).isLessThanOrEqualTo(TOLERANCE);
    }
}
