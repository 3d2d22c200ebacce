package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.link.PeerLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe over real sockets on loopback: 64 KiB frames cross the link, and a spent budget comes back as words. */
class UplinkProbeIT {
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final LinkSettings settings = LinkSettings.defaults().withRequestTimeout(Duration.ofSeconds(3));
    private final PeerLink sinkLink = PeerLink.bind(ANY, settings).orTimeout(5, TimeUnit.SECONDS).join();
    private final PeerLink prober = PeerLink.bind(ANY, settings).orTimeout(5, TimeUnit.SECONDS).join();
    /** Time stands still for the sink: its budget never refills during the test. */
    private final ProbeSink sink = new ProbeSink(() -> 0L);

    @AfterEach
    void close() {
        sinkLink.close().join();
        prober.close().join();
    }

    @Test
    void measuresLoopbackFarAboveWhatPicksTheWidestTree() {
        sinkLink.onRequest(LinkTypes.UPLINK_PROBE, sink::onProbe);
        List<PeerAddress> to = List.of(PeerAddress.direct(sinkLink.address()));

        long rate = new UplinkProbe(prober::request, System::nanoTime).measure(to)
                .orTimeout(10, TimeUnit.SECONDS).join();

        // Loopback moves gigabits; the widest tree needs 800 kbit/s.
        assertThat(rate).isGreaterThan(10_000_000L);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(rate))).isEqualTo(8);
    }

    @Test
    void probesBeyondTheBudgetFailWithTheSinksWords() {
        sinkLink.onRequest(LinkTypes.UPLINK_PROBE, sink::onProbe);
        List<PeerAddress> to = List.of(PeerAddress.direct(sinkLink.address()));
        UplinkProbe probe = new UplinkProbe(prober::request, System::nanoTime);
        long perMeasurement = UplinkProbe.SMALL_BYTES * (1 + UplinkProbe.ROUNDS)
                + (long) UplinkProbe.LARGE_BYTES * UplinkProbe.ROUNDS;
        for (long i = 0; i < ProbeSink.BUDGET_BYTES / perMeasurement; i++) {
            assertThat(probe.measure(to).orTimeout(10, TimeUnit.SECONDS).join()).isPositive();
        }

        Throwable failure = probe.measure(to).handle((rate, e) -> e instanceof CompletionException c ? c.getCause() : e)
                .orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(failure).isInstanceOf(LinkException.class).hasMessageContaining("try again in a minute");
        assertThat(sink.refused()).isEqualTo(1);
    }
}
