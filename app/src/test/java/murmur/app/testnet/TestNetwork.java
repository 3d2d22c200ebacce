package murmur.app.testnet;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.dht.DhtNode;
import murmur.timeline.TimelinePeer;

/**
 * Three bootstrap DHT nodes and any number of timeline peers on loopback, each with its own data directory.
 * Settings keep key derivation cheap and presence timers short; no internet time source is asked.
 */
public final class TestNetwork implements AutoCloseable {
    static final List<String> FAST = List.of("timeline.kdfMemoryKib=1024", "timeline.kdfIterations=1",
            "timeline.timeSources=", "timeline.presenceRefresh=500ms", "timeline.presenceTtl=2s",
            "timeline.loginBackoff=100ms", "timeline.directTimeout=1s", "dht.requestTimeout=1s");

    /** Settings for peers of these tests: cheap key derivation, short timers, no internet time source. */
    public static final MurmurSettings SETTINGS = SettingsLoader.load(Optional.empty(), FAST);

    private final MurmurSettings settings = SETTINGS;
    private final Path folder;
    private final List<DhtNode> seeds = new ArrayList<>();
    private final List<TimelinePeer> peers = new ArrayList<>();

    private TestNetwork(Path folder) {
        this.folder = folder;
    }

    public static TestNetwork start(Path folder) {
        TestNetwork net = new TestNetwork(folder);
        for (int i = 0; i < 3; i++) {
            DhtNode node = DhtNode.builder().settings(net.settings.dht()).dataDir(folder.resolve("seed-" + i))
                    .bindAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            await(node.start());
            if (!net.seeds.isEmpty()) {
                await(node.bootstrap(List.of(net.seeds.get(0).address())));
            }
            net.seeds.add(node);
        }
        return net;
    }

    /** A started peer keeping its data in {@code <folder>/<name>}. */
    public TimelinePeer peer(String name) {
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(folder.resolve(name))
                .seeds(seeds.stream().map(DhtNode::address).toList()).build();
        await(peer.start());
        peers.add(peer);
        return peer;
    }

    public void stop(TimelinePeer peer) {
        if (peers.remove(peer)) {
            await(peer.stop());
        }
    }

    @Override
    public void close() {
        new ArrayList<>(peers).forEach(this::stop);
        seeds.forEach(s -> await(s.stop()));
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }
}
