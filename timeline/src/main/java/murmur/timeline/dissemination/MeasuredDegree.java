package murmur.timeline.dissemination;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import murmur.timeline.Fanout;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.presence.PeerAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The degree of the local user's tree under {@code timeline.fanoutDegree: auto} with no {@code timeline.uplink}
 * set: binary until the uplink has been measured, then what {@link FanoutDegree#forUplink} picks for the measured
 * rate. The measurement ({@link UplinkProbe}) runs after an own post has left, against its first follower, whom
 * the post has just reached; again after {@link #REMEASURE} (a laptop changes networks), and after a failed try
 * not before {@link #RETRY}. Never while one runs.
 */
public final class MeasuredDegree {
    static final Duration REMEASURE = Duration.ofHours(1);
    static final Duration RETRY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(MeasuredDegree.class);

    private final UplinkProbe probe;
    private final Clock clock;
    private final LiveValue<Fanout> fanout = new LiveValue<>(Fanout.NOT_MEASURED);
    private boolean running;
    private long nextAtMillis = Long.MIN_VALUE;

    MeasuredDegree(UplinkProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    /** The degree for the next own post. */
    public int degree() {
        return fanout.get().degree();
    }

    /** The last measured upload rate in bits per second, empty before the first measurement. */
    public OptionalLong uplinkBitsPerSecond() {
        Fanout now = fanout.get();
        return now.basis() == Fanout.Basis.MEASURED ? OptionalLong.of(now.uplinkBitsPerSecond())
                : OptionalLong.empty();
    }

    /** The degree and the rate it was picked from, as they change. */
    public Live<Fanout> fanout() {
        return fanout;
    }

    /** Called once an own post has left for {@code followers} (in tree order): measures when it is time. */
    void afterOwnPost(List<Hop> followers) {
        Optional<List<PeerAddress>> target = followers.stream().map(h -> PeerAddresses.parseDialable(h.address()))
                .filter(a -> !a.isEmpty()).findFirst();
        if (target.isEmpty() || !startIfDue()) {
            return;
        }
        probe.measure(target.get()).whenComplete((rate, failure) -> {
            if (failure == null) {
                int degree = FanoutDegree.forUplink(OptionalLong.of(rate));
                fanout.set(new Fanout(degree, rate, Fanout.Basis.MEASURED));
                LOG.info("uplink measured at {} kbit/s: posts go down a tree of degree {}", rate / 1000, degree);
            } else {
                LOG.debug("uplink not measured: {}", failure.toString());
            }
            finish(failure == null ? REMEASURE : RETRY);
        });
    }

    private synchronized boolean startIfDue() {
        if (running || clock.millis() < nextAtMillis) {
            return false;
        }
        running = true;
        return true;
    }

    private synchronized void finish(Duration wait) {
        running = false;
        nextAtMillis = clock.millis() + wait.toMillis();
    }
}
