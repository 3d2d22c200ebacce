package murmur.timeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.PeerAddress;
import org.junit.jupiter.api.Test;

class UplinkShaperTest {
    private static final long MS = 1_000_000L;
    private static final List<PeerAddress> BOB = List.of(PeerAddress.direct(new InetSocketAddress("127.0.0.1", 4001)));
    private static final List<PeerAddress> CAROL =
            List.of(PeerAddress.direct(new InetSocketAddress("127.0.0.1", 4002)));
    /** A body whose frame fills one 1448-byte segment exactly: 1500 bytes on the wire. */
    private static final byte[] FULL_SEGMENT = new byte[1448 - UplinkShaper.FRAME_OVERHEAD_BYTES];

    private final VirtualTimer timer = new VirtualTimer();
    /** When each request reached the link, in virtual nanoseconds. */
    private final List<Long> reachedLink = new ArrayList<>();
    private final List<CompletableFuture<byte[]>> linkAnswers = new ArrayList<>();

    private UplinkShaper shaper(long bitsPerSecond, Duration oneWay) {
        return new UplinkShaper((to, type, body) -> {
            reachedLink.add(timer.nanoTime());
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            linkAnswers.add(answer);
            return answer;
        }, bitsPerSecond, oneWay, timer);
    }

    @Test
    void wireBytesAreTheBodyPlusSixteenBytesOfFramingPlusFiftyTwoPerSegment() {
        assertThat(UplinkShaper.wireBytes(0)).isEqualTo(16 + 52);
        assertThat(UplinkShaper.wireBytes(FULL_SEGMENT.length)).isEqualTo(1500);
        assertThat(UplinkShaper.wireBytes(FULL_SEGMENT.length + 1)).isEqualTo(1449 + 2 * 52);
        assertThat(UplinkShaper.wireBytes(10_000)).isEqualTo(10_016 + 7 * 52);
    }

    @Test
    void transmitTimeIsBitsOverTheRateRoundedUpAndZeroWithoutALimit() {
        assertThat(UplinkShaper.transmitNanos(1500, 1_000_000)).isEqualTo(12 * MS);
        assertThat(UplinkShaper.transmitNanos(1500, 10_000_000)).isEqualTo(1_200_000);
        assertThat(UplinkShaper.transmitNanos(1, 3)).isEqualTo(2_666_666_667L);
        assertThat(UplinkShaper.transmitNanos(1_000_000, 0)).isZero();
    }

    @Test
    void requestsLeaveOneAfterAnotherAtTheRateAndReachTheLinkOneDelayAfterTheirLastByte() {
        UplinkShaper shaper = shaper(1_000_000, Duration.ofMillis(40));
        shaper.request(BOB, 10, FULL_SEGMENT);
        shaper.request(CAROL, 10, FULL_SEGMENT);
        shaper.request(BOB, 10, FULL_SEGMENT);

        timer.runUntil(1_000 * MS);
        assertThat(reachedLink).containsExactly(52 * MS, 64 * MS, 76 * MS);

        timer.runUntil(2_000 * MS);
        shaper.request(CAROL, 10, FULL_SEGMENT);
        timer.runUntil(3_000 * MS);
        assertThat(reachedLink).as("an idle uplink starts at once").endsWith((2_000 + 12 + 40) * MS);
    }

    @Test
    void theAnswerComesBackOneDelayAfterTheLinkGaveIt() {
        UplinkShaper shaper = shaper(1_000_000, Duration.ofMillis(40));
        CompletableFuture<byte[]> answer = shaper.request(BOB, 10, FULL_SEGMENT);
        timer.runUntil(52 * MS);
        timer.runUntil(60 * MS);
        byte[] stored = {1};
        linkAnswers.get(0).complete(stored);
        timer.runUntil(99 * MS);
        assertThat(answer).isNotDone();
        timer.runUntil(100 * MS);
        assertThat(answer).isCompletedWithValue(stored);
    }

    @Test
    void aFailureComesBackAfterTheDelayToo() {
        UplinkShaper shaper = shaper(0, Duration.ofMillis(40));
        CompletableFuture<byte[]> answer = shaper.request(BOB, 10, new byte[100]);
        timer.runUntil(40 * MS);
        assertThat(reachedLink).as("no rate limit: only the delay").containsExactly(40 * MS);
        linkAnswers.get(0).completeExceptionally(new LinkException(LinkException.Kind.CLOSED, "gone"));
        timer.runUntil(79 * MS);
        assertThat(answer).isNotDone();
        timer.runUntil(80 * MS);
        assertThat(answer).isCompletedExceptionally();
    }

    @Test
    void withNeitherRateNorDelayARequestGoesStraightToTheLinkAndIsCounted() {
        UplinkShaper shaper = shaper(0, Duration.ZERO);
        CompletableFuture<byte[]> answer = shaper.request(BOB, 10, new byte[100]);
        assertThat(reachedLink).containsExactly(0L);
        byte[] stored = {1};
        linkAnswers.get(0).complete(stored);
        assertThat(answer).isCompletedWithValue(stored);
        assertThat(shaper.counts()).isEqualTo(new UplinkShaper.Counts(1, 168, 1, 1));
    }

    @Test
    void itCountsRequestsWireBytesAndThePeaksInFlightUntilReset() {
        UplinkShaper shaper = shaper(1_000_000, Duration.ofMillis(40));
        shaper.request(BOB, 10, FULL_SEGMENT);
        shaper.request(BOB, 10, FULL_SEGMENT);
        shaper.request(CAROL, 10, new byte[0]);
        assertThat(shaper.counts()).isEqualTo(new UplinkShaper.Counts(3, 3000 + 68, 3, 2));

        timer.runUntil(1_000 * MS);
        linkAnswers.forEach(a -> a.complete(new byte[0]));
        timer.runUntil(2_000 * MS);
        shaper.reset();
        assertThat(shaper.counts()).isEqualTo(new UplinkShaper.Counts(0, 0, 0, 0));
        shaper.request(CAROL, 10, new byte[0]);
        assertThat(shaper.counts()).isEqualTo(new UplinkShaper.Counts(1, 68, 1, 1));
    }
}
