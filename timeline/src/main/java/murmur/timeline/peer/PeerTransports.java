package murmur.timeline.peer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.HostPort;
import murmur.config.TimelineSettings;
import murmur.dht.node.DhtNode;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkSettings;

/**
 * What a peer reaches other computers through: its DHT node's endpoint, its peer link, and the time sources its
 * clock asks. {@link SocketTransports} is the production one (UDP and TCP sockets, SNTP).
 *
 * <p>This is the test seam: tests set another one with {@code TimelinePeerBuilder.transports} (package-private; the
 * timeline's test sources bridge it for other packages) to run a whole peer in memory, with no socket opened.
 * {@link PeerParts} keeps the policy (which port to try, the fallback to a new port, start and stop order); an
 * implementation only opens what it is asked for.
 */
interface PeerTransports {

    /**
     * A DHT node, built but not started, that will listen at {@code bindAddress} (port 0: any) and keep its files in
     * {@code dataDir}. Its {@code start()} fails when the address cannot be bound.
     */
    DhtNode dhtNode(InetSocketAddress bindAddress, DhtSettings settings, Path dataDir);

    /** The peer link listening at {@code bindAddress} (port 0: any); fails when the address cannot be bound. */
    CompletableFuture<DirectLink> bindLink(InetSocketAddress bindAddress, LinkSettings settings);

    /** The time sources the peer's clock asks, in order; empty to ask none. */
    List<InetSocketAddress> timeSources(TimelineSettings settings, List<HostPort> seeds);
}
