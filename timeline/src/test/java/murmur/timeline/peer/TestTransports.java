package murmur.timeline.peer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.HostPort;
import murmur.config.TimelineSettings;
import murmur.dht.node.DhtNode;
import murmur.dht.rpc.Network;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkSettings;

/**
 * Test sources only: lets tests in other packages build a {@link TimelinePeer} on transports of their choosing,
 * through the package-private seam {@link PeerTransports}. The peer's DHT node runs on {@code network}, its link
 * is bound by {@code links}, and its clock asks no time source (so it sends no SNTP query). See
 * {@code murmur.timeline.testing.MemoryNet}, which runs whole peers in memory this way.
 */
public final class TestTransports {

    /** Binds a peer link at an address (port 0: any); fails when the address cannot be bound. */
    @FunctionalInterface
    public interface LinkBinder {
        CompletableFuture<DirectLink> bind(InetSocketAddress bindAddress, LinkSettings settings);
    }

    private TestTransports() {}

    /** {@code builder}, set to run the peer's DHT node on {@code network} and its link on {@code links}. */
    public static TimelinePeerBuilder use(TimelinePeerBuilder builder, Network network, LinkBinder links) {
        return builder.transports(new PeerTransports() {
            @Override
            public DhtNode dhtNode(InetSocketAddress bindAddress, DhtSettings settings, Path dataDir) {
                return DhtNode.builder().settings(settings).dataDir(dataDir).bindAddress(bindAddress)
                        .network(network).build();
            }

            @Override
            public CompletableFuture<DirectLink> bindLink(InetSocketAddress bindAddress, LinkSettings settings) {
                return links.bind(bindAddress, settings);
            }

            @Override
            public List<InetSocketAddress> timeSources(TimelineSettings settings, List<HostPort> seeds) {
                return List.of();
            }
        });
    }
}
