package murmur.bootstrap.sntp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.junit.jupiter.api.Test;

class SntpResponderTest {
    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.250Z");
    private final SntpResponder responder = new SntpResponder(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aClientRequestGetsAServerAnswerFromTheLocalClock() throws Exception {
        NtpV3Impl request = new NtpV3Impl();
        request.setMode(NtpV3Packet.MODE_CLIENT);
        request.setVersion(4);
        request.setTransmitTime(NtpTimestamps.of(Instant.parse("2025-03-04T05:06:07Z")));

        NtpV3Impl answer = parse(responder.answer(bytes(request), 48, NOW.minusMillis(1)));

        assertThat(answer.getMode()).isEqualTo(NtpV3Packet.MODE_SERVER);
        assertThat(answer.getVersion()).isEqualTo(4);
        assertThat(answer.getStratum()).isEqualTo(SntpResponder.STRATUM);
        assertThat(answer.getReferenceId()).as("LOCL").isEqualTo(0x4C4F434C);
        assertThat(answer.getOriginateTimeStamp()).isEqualTo(request.getTransmitTimeStamp());
        assertThat(answer.getReceiveTimeStamp().getTime()).isEqualTo(NOW.minusMillis(1).toEpochMilli());
        assertThat(answer.getTransmitTimeStamp().getTime()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void subMillisecondFractionsSurvive() {
        Instant t = Instant.parse("2025-03-04T05:06:07.123456789Z");
        long fraction = NtpTimestamps.of(t).getFraction();
        assertThat(fraction * 1_000_000_000L >>> 32).isBetween(123_456_788L, 123_456_789L);
    }

    @Test
    void shortPacketsAndNonClientModesAreRefused() {
        assertThatThrownBy(() -> responder.answer(new byte[47], 47, NOW))
                .isInstanceOfSatisfying(SntpResponder.RefusedRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo("sntp_short"));
        NtpV3Impl server = new NtpV3Impl();
        server.setMode(NtpV3Packet.MODE_SERVER);
        server.setVersion(4);
        assertThatThrownBy(() -> responder.answer(bytes(server), 48, NOW))
                .isInstanceOfSatisfying(SntpResponder.RefusedRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo("sntp_not_client"));
        NtpV3Impl noVersion = new NtpV3Impl();
        noVersion.setMode(NtpV3Packet.MODE_CLIENT);
        assertThatThrownBy(() -> responder.answer(bytes(noVersion), 48, NOW))
                .isInstanceOfSatisfying(SntpResponder.RefusedRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo("sntp_bad_version"));
    }

    private static byte[] bytes(NtpV3Impl packet) {
        DatagramPacket p = packet.getDatagramPacket();
        byte[] b = new byte[48];
        System.arraycopy(p.getData(), p.getOffset(), b, 0, 48);
        return b;
    }

    private static NtpV3Impl parse(byte[] bytes) {
        NtpV3Impl p = new NtpV3Impl();
        p.setDatagramPacket(new DatagramPacket(bytes, bytes.length));
        return p;
    }
}
