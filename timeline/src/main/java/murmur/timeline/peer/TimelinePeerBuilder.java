package murmur.timeline.peer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import murmur.config.MurmurSettings;

/** Configures a {@link TimelinePeer}. Settings and data directory are required. */
public final class TimelinePeerBuilder {
    private MurmurSettings settings;
    private Path dataDir;
    private List<InetSocketAddress> seeds = List.of();
    private String host;
    private Clock clock = Clock.systemUTC();
    private PeerTransports transports = SocketTransports.INSTANCE;

    TimelinePeerBuilder() {}

    public TimelinePeerBuilder settings(MurmurSettings settings) {
        this.settings = settings;
        return this;
    }

    /** Holds the database (keys, posts, follow state) and the DHT node's files. */
    public TimelinePeerBuilder dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** Bootstrap nodes to join through; a restarted peer also tries the contacts it saved. */
    public TimelinePeerBuilder seeds(List<InetSocketAddress> seeds) {
        this.seeds = List.copyOf(seeds);
        return this;
    }

    /**
     * The IP address to bind the DHT and direct-message sockets to, overriding {@code timeline.host}; empty for
     * every interface. Default: the setting (every interface).
     */
    public TimelinePeerBuilder host(String host) {
        this.host = host;
        return this;
    }

    /** The local clock the NTP offset corrects; tests pass a stub. */
    public TimelinePeerBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * The test seam: what the peer reaches the network through, instead of real sockets. Package-private on
     * purpose; tests in other packages reach it through the bridge in the timeline's test sources.
     */
    TimelinePeerBuilder transports(PeerTransports transports) {
        this.transports = Objects.requireNonNull(transports, "transports");
        return this;
    }

    public TimelinePeer build() {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataDir, "dataDir");
        return new TimelinePeer(new PeerParts(new TimelinePeer.Config(settings, dataDir, seeds, host, clock,
                transports)));
    }
}
