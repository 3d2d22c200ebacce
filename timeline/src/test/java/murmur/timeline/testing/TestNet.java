package murmur.timeline.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import murmur.config.MurmurSettings;
import murmur.timeline.peer.TimelinePeer;

/**
 * A small network of bootstrap DHT nodes and timeline peers for tests, on one of two {@link Tier}s. A domain test
 * written against this runs on either; {@link TierNets} starts one network per tier for a test class.
 */
public interface TestNet extends AutoCloseable {

    /** Where the peers run. */
    enum Tier {
        /** {@link LocalNet}: real UDP and TCP sockets on 127.0.0.1. */
        SOCKETS,
        /** {@link MemoryNet}: no socket; DHT and peer link in memory. */
        MEMORY;

        /** A started network of this tier: {@code seedCount} bootstrap nodes, {@link LocalNet#FAST} plus extras. */
        public TestNet start(int seedCount, List<String> extraSettings) {
            return this == SOCKETS ? LocalNet.start(seedCount, extraSettings) : MemoryNet.start(seedCount,
                    extraSettings);
        }
    }

    MurmurSettings settings();

    List<InetSocketAddress> seedAddresses();

    /** A started peer keeping its data in {@code dataDir}, joined through the seeds. */
    TimelinePeer peer(Path dataDir);

    /** A started peer that knows no seed, so it is alone. */
    TimelinePeer lonePeer(Path dataDir);

    /** Stops a peer started here (idempotent for the final close). */
    void stop(TimelinePeer peer);

    /** Stops every peer, then the bootstrap nodes. */
    @Override
    void close();
}
