package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.testing.UplinkShaper;
import murmur.timeline.testing.VirtualTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The uplink probe against an emulated uplink in virtual time: what it reads is what the uplink lets through. */
class UplinkProbeTest {
    private static final List<PeerAddress> BOB = List.of(PeerAddress.direct(new InetSocketAddress("127.0.0.1", 4001)));
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final VirtualTimer timer = new VirtualTimer();
    private final List<Integer> bodies = new ArrayList<>();

    private UplinkShaper uplink(long bitsPerSecond) {
        return new UplinkShaper((to, type, body) -> {
            assertThat(type).isEqualTo(LinkTypes.UPLINK_PROBE);
            bodies.add(body.length);
            return CompletableFuture.completedFuture(new byte[0]);
        }, bitsPerSecond, Duration.ofMillis(40), timer);
    }

    @ParameterizedTest
    @ValueSource(longs = {300_000, 1_000_000, 2_000_000, 10_000_000})
    void readsTheUplinksRateLessItsFramingWhateverTheDelay(long bitsPerSecond) {
        CompletableFuture<Long> rate = new UplinkProbe(uplink(bitsPerSecond), timer::nanoTime).measure(BOB);
        timer.runUntil(60 * SECOND);

        assertThat(rate).isCompleted();
        // Framing and TCP/IP headers are about 3.5% of the large probe's bytes on the wire.
        assertThat(rate.join()).isBetween(bitsPerSecond * 95 / 100, bitsPerSecond);
        assertThat(bodies).as("one request to dial, then a small and a large one per round")
                .hasSize(1 + 2 * UplinkProbe.ROUNDS).startsWith(UplinkProbe.SMALL_BYTES, UplinkProbe.SMALL_BYTES,
                        UplinkProbe.LARGE_BYTES);
    }

    @Test
    void theRatePicksTheDegree() {
        CompletableFuture<Long> slow = new UplinkProbe(uplink(300_000), timer::nanoTime).measure(BOB);
        CompletableFuture<Long> fast = new UplinkProbe(uplink(2_000_000), timer::nanoTime).measure(BOB);
        timer.runUntil(60 * SECOND);

        assertThat(FanoutDegree.forUplink(OptionalLong.of(slow.join()))).isEqualTo(2);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(fast.join()))).isEqualTo(8);
    }

    @Test
    void theFastestRoundCountsAsCrossTrafficOnlySlowsRoundsDown() {
        long[] now = {0};
        int[] request = {0};
        // Every request takes 50 ms; the large ones 250 ms more, except in the second round, slowed to 650 ms.
        UplinkProbe probe = new UplinkProbe((to, type, body) -> {
            int n = request[0]++;
            now[0] += 50_000_000L;
            if (body.length == UplinkProbe.LARGE_BYTES) {
                now[0] += n == 4 ? 650_000_000L : 250_000_000L;
            }
            return CompletableFuture.completedFuture(new byte[0]);
        }, () -> now[0]);

        long rate = probe.measure(BOB).join();

        long extraBits = (UplinkProbe.LARGE_BYTES - UplinkProbe.SMALL_BYTES) * 8L;
        assertThat(rate).isEqualTo(extraBits * 4);
    }

    @Test
    void aLargeRequestNoSlowerThanTheSmallOneReadsAsTheFastestRateTheProbeCanTell() {
        // Loopback, or a small request held up longer than the large one: extra time of zero or less.
        UplinkProbe probe = new UplinkProbe((to, type, body) -> CompletableFuture.completedFuture(new byte[0]),
                () -> 7);

        long fastest = (UplinkProbe.LARGE_BYTES - UplinkProbe.SMALL_BYTES) * 8L * 1_000_000_000L
                / UplinkProbe.FLOOR_NANOS;
        assertThat(probe.measure(BOB).join()).isEqualTo(fastest);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(fastest))).isEqualTo(8);
        assertThat(UplinkProbe.rate(1000, 0)).isEqualTo(UplinkProbe.rate(1000, UplinkProbe.FLOOR_NANOS));
        assertThat(UplinkProbe.rate(1000, -5)).as("8000 bits in the 1 ms floor").isEqualTo(8_000_000L);
        assertThat(UplinkProbe.rate(1000, 8_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void aFailedRequestFailsTheMeasurement() {
        UplinkProbe probe = new UplinkProbe((to, type, body) -> CompletableFuture.failedFuture(
                new IllegalStateException("refused")), System::nanoTime);

        assertThat(probe.measure(BOB)).isCompletedExceptionally();
    }
}
