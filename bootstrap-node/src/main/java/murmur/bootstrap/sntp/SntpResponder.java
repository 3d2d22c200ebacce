package murmur.bootstrap.sntp;

import java.net.DatagramPacket;
import java.time.Clock;
import java.time.Instant;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;

/**
 * Turns one SNTP client request into the server's answer (RFC 4330, section 5), without sockets. The node's own clock
 * is the reference, announced as stratum 10 with reference id {@code LOCL}, as for an undisciplined local clock.
 */
final class SntpResponder {
    static final int PACKET_BYTES = 48;
    static final int STRATUM = 10;
    private static final int REFERENCE_LOCL = 0x4C4F434C;
    private static final int PRECISION = -20;

    private final Clock clock;

    SntpResponder(Clock clock) {
        this.clock = clock;
    }

    /**
     * The answer to {@code request}, received at {@code receivedAt}.
     *
     * @throws RefusedRequestException when the datagram is not an SNTP client request
     */
    byte[] answer(byte[] request, int length, Instant receivedAt) throws RefusedRequestException {
        if (length < PACKET_BYTES) {
            throw new RefusedRequestException("sntp_short", length + " bytes, an SNTP packet has " + PACKET_BYTES);
        }
        NtpV3Impl in = new NtpV3Impl();
        in.setDatagramPacket(new DatagramPacket(request, PACKET_BYTES));
        if (in.getMode() != NtpV3Packet.MODE_CLIENT) {
            throw new RefusedRequestException("sntp_not_client", "mode " + in.getMode() + " is not a client request");
        }
        if (in.getVersion() < 1 || in.getVersion() > 4) {
            throw new RefusedRequestException("sntp_bad_version", "version " + in.getVersion());
        }
        NtpV3Impl out = new NtpV3Impl();
        out.setLeapIndicator(NtpV3Packet.LI_NO_WARNING);
        out.setVersion(in.getVersion());
        out.setMode(NtpV3Packet.MODE_SERVER);
        out.setStratum(STRATUM);
        out.setPoll(in.getPoll());
        out.setPrecision(PRECISION);
        out.setReferenceId(REFERENCE_LOCL);
        out.setOriginateTimeStamp(in.getTransmitTimeStamp());
        out.setReceiveTimeStamp(NtpTimestamps.of(receivedAt));
        Instant now = clock.instant();
        out.setReferenceTime(NtpTimestamps.of(now));
        out.setTransmitTime(NtpTimestamps.of(now));
        DatagramPacket packet = out.getDatagramPacket();
        byte[] bytes = new byte[PACKET_BYTES];
        System.arraycopy(packet.getData(), packet.getOffset(), bytes, 0, PACKET_BYTES);
        return bytes;
    }

    /** A datagram that gets no answer; {@code reason} is short and fit for a metric label. */
    static final class RefusedRequestException extends Exception {
        private final String reason;

        RefusedRequestException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
