package murmur.timeline.clock;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import murmur.config.HostPort;
import murmur.config.TimelineSettings;

/** The ordered list of time sources a peer asks. */
public final class TimeSources {
    private TimeSources() {}

    /**
     * Each seed's host at {@link TimelineSettings#sntpPort()} (bootstrap nodes answer SNTP), in seed order, then
     * {@link TimelineSettings#timeSourceEndpoints()}; duplicates removed, names left unresolved.
     */
    public static List<InetSocketAddress> of(TimelineSettings settings, List<HostPort> seeds) {
        Set<InetSocketAddress> ordered = new LinkedHashSet<>();
        for (HostPort seed : seeds) {
            ordered.add(InetSocketAddress.createUnresolved(seed.host(), settings.sntpPort()));
        }
        for (HostPort source : settings.timeSourceEndpoints()) {
            ordered.add(source.toSocketAddress());
        }
        return List.copyOf(ordered);
    }

    /** {@code host:port} as written in settings, without resolving anything. */
    static String name(InetSocketAddress source) {
        return new HostPort(source.getHostString(), source.getPort()).toString();
    }
}
