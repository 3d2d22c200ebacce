package murmur.timeline.clock;

import java.time.Duration;
import java.util.Optional;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;
import org.apache.commons.net.ntp.TimeStamp;

/** Decides whether an SNTP answer can be believed; the rules follow RFC 4330, section 5. */
final class SntpAnswerCheck {

    /** An offset beyond this is taken for a broken or lying source rather than a wrong local clock. */
    static final Duration MAX_OFFSET = Duration.ofDays(1);

    private static final int LEAP_ALARM = 3;
    private static final int MAX_STRATUM = 15;
    private static final long ROUNDING_MILLIS = 1;

    private SntpAnswerCheck() {}

    /**
     * What is wrong with {@code answer}, if anything.
     *
     * @param sentAfter  system-clock millis taken just before the request was sent
     * @param answeredBy system-clock millis taken just after the answer arrived
     */
    static Optional<String> problem(TimeInfo answer, long sentAfter, long answeredBy) {
        NtpV3Packet packet = answer.getMessage();
        if (packet.getMode() != NtpV3Packet.MODE_SERVER) {
            return Optional.of("mode " + packet.getMode() + " is not a server answer");
        }
        if (packet.getVersion() < NtpV3Packet.VERSION_3 || packet.getVersion() > NtpV3Packet.VERSION_4) {
            return Optional.of("unsupported NTP version " + packet.getVersion());
        }
        if (packet.getStratum() == 0) {
            return Optional.of("kiss-of-death " + packet.getReferenceIdString());
        }
        if (packet.getStratum() > MAX_STRATUM || packet.getLeapIndicator() == LEAP_ALARM) {
            return Optional.of("the source is not synchronised itself");
        }
        if (isZero(packet.getTransmitTimeStamp()) || isZero(packet.getReceiveTimeStamp())) {
            return Optional.of("zero receive or transmit time");
        }
        if (packet.getReceiveTimeStamp().compareTo(packet.getTransmitTimeStamp()) > 0) {
            return Optional.of("it claims to have answered before it received the request");
        }
        long echoed = packet.getOriginateTimeStamp().getTime();
        if (echoed < sentAfter - ROUNDING_MILLIS || echoed > answeredBy + ROUNDING_MILLIS) {
            return Optional.of("it does not echo our request's time, so it answers some other request");
        }
        answer.computeDetails();
        if (answer.getOffset() == null || answer.getDelay() == null) {
            return Optional.of(answer.getComments() == null ? "no offset" : String.join("; ", answer.getComments()));
        }
        return Optional.empty();
    }

    /** What is wrong with a measured offset, if anything. */
    static Optional<String> problem(Duration offset) {
        if (offset.abs().compareTo(MAX_OFFSET) > 0) {
            return Optional.of("offset " + offset + " is beyond " + MAX_OFFSET);
        }
        return Optional.empty();
    }

    private static boolean isZero(TimeStamp t) {
        return t == null || t.ntpValue() == 0;
    }
}
