package murmur.timeline.clock;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks one time source once, over SNTP, for the offset of true time from the base clock. */
final class SntpProbe {
    private static final Logger LOG = LoggerFactory.getLogger(SntpProbe.class);

    private final Clock base;
    private final Duration timeout;
    private final HostResolver resolver;

    SntpProbe(Clock base, Duration timeout, HostResolver resolver) {
        this.base = base;
        this.timeout = timeout;
        this.resolver = resolver;
    }

    /** The offset to add to the base clock, or empty if the source is silent, unknown or not believable. */
    Optional<Duration> offsetFrom(InetSocketAddress source) {
        Optional<InetAddress> address = resolver.resolve(source, timeout);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try (NTPUDPClient client = new NTPUDPClient()) {
            client.setDefaultTimeout(timeout);
            client.open();
            long sentAfter = System.currentTimeMillis();
            TimeInfo answer = client.getTime(address.get(), source.getPort());
            long answeredBy = System.currentTimeMillis();
            long baseNow = base.millis();
            Optional<String> problem = SntpAnswerCheck.problem(answer, sentAfter, answeredBy);
            if (problem.isPresent()) {
                return refuse(source, problem.get());
            }
            // NTPUDPClient stamps its packets with the system clock; re-express the offset against the base clock.
            Duration offset = Duration.ofMillis(answer.getOffset() + answeredBy - baseNow);
            problem = SntpAnswerCheck.problem(offset);
            return problem.isPresent() ? refuse(source, problem.get()) : Optional.of(offset);
        } catch (SocketTimeoutException e) {
            LOG.debug("time source {} did not answer within {}", TimeSources.name(source), timeout);
            return Optional.empty();
        } catch (IOException e) {
            // Includes NTPUDPClient's own refusal of an answer that does not echo the request's transmit time.
            LOG.warn("time source {} gave no usable answer: {}", TimeSources.name(source), e.toString());
            return Optional.empty();
        }
    }

    private static Optional<Duration> refuse(InetSocketAddress source, String problem) {
        LOG.warn("ignoring the answer of time source {}: {}", TimeSources.name(source), problem);
        return Optional.empty();
    }
}
