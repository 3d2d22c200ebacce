package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

/** Probes from the network are answered within a budget; oversized or excess ones get an error and are counted. */
class ProbeSinkTest {
    private static final InetSocketAddress MALLORY = new InetSocketAddress("127.0.0.1", 6666);
    private final TestClock clock = new TestClock();
    private final ProbeSink sink = new ProbeSink(() -> clock.millis() * 1_000_000L);

    @Test
    void aProbeIsAnsweredWithNothing() {
        CompletableFuture<byte[]> answer = sink.onProbe(MALLORY, new byte[UplinkProbe.LARGE_BYTES]);

        assertThat(answer.join()).isEmpty();
        assertThat(sink.refused()).isZero();
    }

    @Test
    void aProbeAboveSixtyFourKibIsRefusedAndCounted() {
        CompletableFuture<byte[]> answer = sink.onProbe(MALLORY, new byte[UplinkProbe.LARGE_BYTES + 1]);

        assertThat(answer).failsWithin(Duration.ZERO).withThrowableThat().withMessageContaining("at most 65536");
        assertThat(sink.refused()).isEqualTo(1);
    }

    @Test
    void beyondAMebibyteAMinuteProbesAreRefusedUntilTheBudgetRefills() {
        long answered = 0;
        while (!sink.onProbe(MALLORY, new byte[UplinkProbe.LARGE_BYTES]).isCompletedExceptionally()) {
            answered++;
        }
        assertThat(answered).as("probes answered at once").isEqualTo(ProbeSink.BUDGET_BYTES / UplinkProbe.LARGE_BYTES);
        assertThat(sink.onProbe(MALLORY, new byte[UplinkProbe.SMALL_BYTES]))
                .failsWithin(Duration.ZERO).withThrowableThat().withMessageContaining("try again in a minute");
        assertThat(sink.refused()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(4));   // refills 4/60 of a MiB: one large probe
        assertThat(sink.onProbe(MALLORY, new byte[UplinkProbe.LARGE_BYTES])).isCompleted()
                .isNotCompletedExceptionally();
        assertThat(sink.onProbe(MALLORY, new byte[UplinkProbe.LARGE_BYTES])).isCompletedExceptionally();

        clock.advance(Duration.ofHours(1));   // the budget refills to one minute's worth, not more
        answered = 0;
        while (!sink.onProbe(MALLORY, new byte[UplinkProbe.LARGE_BYTES]).isCompletedExceptionally()) {
            answered++;
        }
        assertThat(answered).isEqualTo(ProbeSink.BUDGET_BYTES / UplinkProbe.LARGE_BYTES);
    }
}
