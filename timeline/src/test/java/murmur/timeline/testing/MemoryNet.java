package murmur.timeline.testing;

import static murmur.timeline.testing.LocalNet.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.dht.DhtObserver;
import murmur.dht.node.DhtNode;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.peer.TestTransports;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.peer.TimelinePeerBuilder;

/**
 * {@link LocalNet}'s shape with no socket at all: a few DHT nodes acting as bootstrap nodes and timeline peers
 * joining through them, all on one {@link MemoryNetwork} and one {@link MemoryLinks}, each machine on a loopback
 * host of its own (127.0.0.2, 127.0.0.3, ...). Peers keep their SQLite files in their data directories as usual.
 * Being on loopback, a peer maps no router port and asks for no dial-back; its clock asks no time source.
 * Settings are {@link LocalNet#FAST} plus the extras.
 */
public final class MemoryNet implements TestNet {
    private final MurmurSettings settings;
    private final LoopbackAddresses addresses = new LoopbackAddresses();
    private final MemoryNetwork network;
    private final MemoryLinks links = new MemoryLinks(addresses);
    private final List<DhtNode> seeds = new ArrayList<>();
    private final List<DhtNode> readers = new ArrayList<>();
    private final List<TimelinePeer> peers = new ArrayList<>();
    private final List<DirectLink> bareLinks = new ArrayList<>();

    private MemoryNet(MurmurSettings settings) {
        this.settings = settings;
        this.network = new MemoryNetwork(addresses, settings.dht().requestTimeout());
    }

    /** Starts {@code seedCount} bootstrap DHT nodes that know each other. */
    public static MemoryNet start(int seedCount, List<String> extraSettings) {
        List<String> all = new ArrayList<>(LocalNet.FAST);
        all.addAll(extraSettings);
        MemoryNet net = new MemoryNet(SettingsLoader.load(Optional.empty(), all));
        for (int i = 0; i < seedCount; i++) {
            DhtNode node = net.dhtNodeOnNewHost();
            await(node.start());
            if (!net.seeds.isEmpty()) {
                await(node.bootstrap(List.of(net.seeds.get(0).address())));
            }
            net.seeds.add(node);
        }
        return net;
    }

    @Override
    public MurmurSettings settings() {
        return settings;
    }

    @Override
    public List<InetSocketAddress> seedAddresses() {
        return seeds.stream().map(DhtNode::address).toList();
    }

    /** A started peer keeping its data in {@code dataDir}, on a new loopback host. */
    @Override
    public TimelinePeer peer(Path dataDir) {
        return started(builder(dataDir).seeds(seedAddresses()));
    }

    @Override
    public TimelinePeer lonePeer(Path dataDir) {
        return started(builder(dataDir));
    }

    /** A started DHT node joined through the seeds, to read records straight from the DHT; stopped at close. */
    public DhtNode reader() {
        return reader(DhtObserver.NONE);
    }

    /** As {@link #reader()}, telling {@code observer} what the node does (its lookups, say). */
    public DhtNode reader(DhtObserver observer) {
        DhtNode node = DhtNode.builder().settings(settings.dht()).network(network).observer(observer)
                .bindAddress(new InetSocketAddress(addresses.newHost(), 0)).build();
        await(node.start());
        readers.add(node);
        await(node.bootstrap(seedAddresses()));
        return node;
    }

    /** A bare peer link on a new loopback host, to send requests as any peer could; closed at close. */
    public DirectLink link() {
        DirectLink link = await(links.bind(new InetSocketAddress(addresses.newHost(), 0), LinkSettings.defaults()));
        bareLinks.add(link);
        return link;
    }

    @Override
    public void stop(TimelinePeer peer) {
        if (peers.remove(peer)) {
            await(peer.stop());
        }
    }

    private TimelinePeerBuilder builder(Path dataDir) {
        TimelinePeerBuilder b = TimelinePeer.builder().settings(settings).dataDir(dataDir)
                .host(addresses.newHost().getHostAddress());
        return TestTransports.use(b, network, links::bind);
    }

    private TimelinePeer started(TimelinePeerBuilder builder) {
        TimelinePeer peer = builder.build();
        peers.add(peer);
        await(peer.start());
        return peer;
    }

    private DhtNode dhtNodeOnNewHost() {
        return DhtNode.builder().settings(settings.dht()).network(network)
                .bindAddress(new InetSocketAddress(addresses.newHost(), 0)).build();
    }

    @Override
    public void close() {
        try {
            for (TimelinePeer p : List.copyOf(peers)) {
                stop(p);
            }
            for (DirectLink l : bareLinks) {
                await(l.close());
            }
            for (DhtNode n : readers) {
                await(n.stop());
            }
            for (DhtNode n : seeds) {
                await(n.stop());
            }
        } finally {
            links.close();
            network.close();
        }
    }
}
