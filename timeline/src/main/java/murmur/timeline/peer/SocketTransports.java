package murmur.timeline.peer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.HostPort;
import murmur.config.TimelineSettings;
import murmur.dht.node.DhtNode;
import murmur.timeline.clock.TimeSources;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.PeerLink;

/**
 * Real sockets: the DHT node on its own UDP and TCP sockets, the peer link over TCP, and the clock asking each
 * seed's SNTP port, then {@code timeline.timeSources}. Every peer uses this unless a test sets other transports.
 */
final class SocketTransports implements PeerTransports {
    static final PeerTransports INSTANCE = new SocketTransports();

    private SocketTransports() {}

    @Override
    public DhtNode dhtNode(InetSocketAddress bindAddress, DhtSettings settings, Path dataDir) {
        return DhtNode.builder().settings(settings).dataDir(dataDir).bindAddress(bindAddress).build();
    }

    @Override
    public CompletableFuture<DirectLink> bindLink(InetSocketAddress bindAddress, LinkSettings settings) {
        return PeerLink.bind(bindAddress, settings).thenApply(link -> link);
    }

    @Override
    public List<InetSocketAddress> timeSources(TimelineSettings settings, List<HostPort> seeds) {
        return TimeSources.of(settings, seeds);
    }
}
