package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.dht.TestClock;
import murmur.timeline.Fanout;
import murmur.timeline.testing.UplinkShaper;
import murmur.timeline.testing.VirtualTimer;
import org.junit.jupiter.api.Test;

/** {@code fanoutDegree: auto} with no uplink set: binary until measured, then what the measured rate picks. */
class MeasuredDegreeTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final List<Hop> FOLLOWERS = List.of(new Hop("nobody-here", "not an address"),
            new Hop("bob", "127.0.0.1:4001"), new Hop("carol", "127.0.0.1:4002"));

    private final VirtualTimer timer = new VirtualTimer();
    private final TestClock clock = new TestClock();
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger toBob = new AtomicInteger();

    private MeasuredDegree measuredOver(long bitsPerSecond) {
        UplinkShaper uplink = new UplinkShaper((to, type, body) -> {
            probes.incrementAndGet();
            if (to.get(0).address().getPort() == 4001) {
                toBob.incrementAndGet();
            }
            return CompletableFuture.completedFuture(new byte[0]);
        }, bitsPerSecond, Duration.ofMillis(40), timer);
        return new MeasuredDegree(new UplinkProbe(uplink, timer::nanoTime), clock);
    }

    @Test
    void binaryUntilMeasuredThenWhatTheRatePicksAgainstTheFirstFollowerWithAnAddress() {
        MeasuredDegree degree = measuredOver(2_000_000);
        assertThat(degree.degree()).isEqualTo(FanoutTree.BINARY);
        assertThat(degree.uplinkBitsPerSecond()).isEmpty();
        List<Fanout> shown = new ArrayList<>();
        degree.fanout().subscribe(shown::add);

        degree.afterOwnPost(FOLLOWERS);
        timer.runUntil(MINUTE);

        assertThat(degree.degree()).isEqualTo(8);
        assertThat(degree.uplinkBitsPerSecond().getAsLong()).isBetween(1_900_000L, 2_000_000L);
        assertThat(shown).as("what the status bar shows: binary, then the measured rate's degree").hasSize(2);
        assertThat(shown.get(0)).isEqualTo(Fanout.NOT_MEASURED);
        assertThat(shown.get(1).basis()).isEqualTo(Fanout.Basis.MEASURED);
        assertThat(shown.get(1).degree()).isEqualTo(8);
        assertThat(shown.get(1).uplinkBitsPerSecond()).isEqualTo(degree.uplinkBitsPerSecond().getAsLong());
        assertThat(toBob.get()).isEqualTo(probes.get()).isPositive();
    }

    @Test
    void measuresAgainOnlyAfterAnHourAndNeverTwiceAtOnce() {
        MeasuredDegree degree = measuredOver(500_000);
        degree.afterOwnPost(FOLLOWERS);
        degree.afterOwnPost(FOLLOWERS);   // while the first runs
        timer.runUntil(MINUTE);
        int oneMeasurement = probes.get();
        assertThat(degree.degree()).isEqualTo(4);

        clock.advance(MeasuredDegree.REMEASURE.minusSeconds(1));
        degree.afterOwnPost(FOLLOWERS);
        timer.runUntil(2 * MINUTE);
        assertThat(probes.get()).isEqualTo(oneMeasurement);

        clock.advance(Duration.ofSeconds(1));
        degree.afterOwnPost(FOLLOWERS);
        timer.runUntil(3 * MINUTE);
        assertThat(probes.get()).isEqualTo(2 * oneMeasurement);
    }

    @Test
    void aFailedMeasurementKeepsTheDegreeAndIsTriedAgainAfterTenMinutes() {
        AtomicInteger tries = new AtomicInteger();
        MeasuredDegree degree = new MeasuredDegree(new UplinkProbe((to, type, body) -> {
            tries.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
        }, System::nanoTime), clock);

        degree.afterOwnPost(FOLLOWERS);
        degree.afterOwnPost(FOLLOWERS);
        assertThat(tries.get()).isEqualTo(1);
        assertThat(degree.degree()).isEqualTo(FanoutTree.BINARY);

        clock.advance(MeasuredDegree.RETRY);
        degree.afterOwnPost(FOLLOWERS);
        assertThat(tries.get()).isEqualTo(2);
    }

    @Test
    void noFollowerWithAnAddressMeansNoMeasurement() {
        MeasuredDegree degree = measuredOver(2_000_000);
        degree.afterOwnPost(List.of(new Hop("nobody-here", "")));
        degree.afterOwnPost(List.of());
        timer.runUntil(MINUTE);

        assertThat(probes.get()).isZero();
        assertThat(degree.degree()).isEqualTo(FanoutTree.BINARY);
    }
}
