package murmur.timeline.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;
import org.apache.commons.net.ntp.TimeStamp;
import org.junit.jupiter.api.Test;

/** The plausibility rules for SNTP answers, on hand-made packets. */
class SntpAnswerCheckTest {
    private static final long SENT = 1_780_000_000_000L;
    private static final long ANSWERED = SENT + 20;

    @Test
    void acceptsAProperAnswerAndComputesItsOffset() {
        TimeInfo answer = answer(p -> { });

        assertThat(SntpAnswerCheck.problem(answer, SENT, ANSWERED)).isEmpty();
        assertThat(answer.getOffset()).isEqualTo(3_000L);
    }

    @Test
    void refusesAClientOrBroadcastMode() {
        assertThat(problemOf(p -> p.setMode(NtpV3Packet.MODE_CLIENT))).contains("mode 3 is not a server answer");
        assertThat(problemOf(p -> p.setMode(NtpV3Packet.MODE_BROADCAST))).contains("mode 5 is not a server answer");
    }

    @Test
    void refusesAnUnknownVersion() {
        assertThat(problemOf(p -> p.setVersion(2))).contains("unsupported NTP version 2");
        assertThat(problemOf(p -> p.setVersion(7))).contains("unsupported NTP version 7");
    }

    @Test
    void refusesAKissOfDeath() {
        assertThat(problemOf(p -> {
            p.setStratum(0);
            p.setReferenceId(0x52415445);
        })).hasValueSatisfying(reason -> assertThat(reason).startsWith("kiss-of-death"));
    }

    @Test
    void refusesASourceThatIsNotSynchronisedItself() {
        assertThat(problemOf(p -> p.setStratum(16))).contains("the source is not synchronised itself");
        assertThat(problemOf(p -> p.setLeapIndicator(3))).contains("the source is not synchronised itself");
    }

    @Test
    void refusesZeroTimes() {
        assertThat(problemOf(p -> p.setTransmitTime(new TimeStamp(0L)))).contains("zero receive or transmit time");
        assertThat(problemOf(p -> p.setReceiveTimeStamp(new TimeStamp(0L)))).contains("zero receive or transmit time");
    }

    @Test
    void refusesAnAnswerSentBeforeTheRequestArrived() {
        assertThat(problemOf(p -> p.setReceiveTimeStamp(TimeStamp.getNtpTime(SENT + 9_000))))
                .contains("it claims to have answered before it received the request");
    }

    @Test
    void refusesAnAnswerToSomeOtherRequest() {
        assertThat(problemOf(p -> p.setOriginateTimeStamp(TimeStamp.getNtpTime(SENT - 5_000))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not echo"));
        assertThat(problemOf(p -> p.setOriginateTimeStamp(TimeStamp.getNtpTime(ANSWERED + 5_000))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not echo"));
    }

    @Test
    void refusesAnOffsetBeyondADay() {
        assertThat(SntpAnswerCheck.problem(Duration.ofHours(23))).isEmpty();
        assertThat(SntpAnswerCheck.problem(Duration.ofHours(-23))).isEmpty();
        assertThat(SntpAnswerCheck.problem(Duration.ofHours(25))).isPresent();
        assertThat(SntpAnswerCheck.problem(Duration.ofHours(-25))).isPresent();
    }

    private static Optional<String> problemOf(Consumer<NtpV3Impl> spoil) {
        return SntpAnswerCheck.problem(answer(spoil), SENT, ANSWERED);
    }

    /** A server answer 3 s ahead of the client, with 20 ms of round trip, changed by {@code spoil}. */
    private static TimeInfo answer(Consumer<NtpV3Impl> spoil) {
        NtpV3Impl packet = new NtpV3Impl();
        packet.setMode(NtpV3Packet.MODE_SERVER);
        packet.setVersion(NtpV3Packet.VERSION_4);
        packet.setStratum(2);
        packet.setOriginateTimeStamp(TimeStamp.getNtpTime(SENT));
        packet.setReceiveTimeStamp(TimeStamp.getNtpTime(SENT + 3_010));
        packet.setTransmitTime(TimeStamp.getNtpTime(SENT + 3_010));
        spoil.accept(packet);
        return new TimeInfo(packet, ANSWERED, false);
    }
}
