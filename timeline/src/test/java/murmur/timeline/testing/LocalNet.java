package murmur.timeline.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.timeline.peer.TimelinePeer;

/**
 * A small real network on loopback for tests: a few DHT nodes acting as bootstrap nodes, and timeline peers with
 * their own data directories joining through them. Settings keep key derivation cheap and timers short.
 */
public final class LocalNet implements TestNet {
    public static final List<String> FAST = List.of(
            "timeline.kdfMemoryKib=1024", "timeline.kdfIterations=1", "timeline.timeSources=",
            "timeline.presenceRefresh=500ms", "timeline.presenceTtl=2s", "timeline.loginBackoff=100ms",
            "timeline.directTimeout=1s", "dht.requestTimeout=1s", "timeline.host=127.0.0.1",
            "timeline.portMapping=false");

    private final MurmurSettings settings;
    private final List<DhtNode> seeds = new ArrayList<>();
    private final List<TimelinePeer> peers = new ArrayList<>();

    private LocalNet(MurmurSettings settings) {
        this.settings = settings;
    }

    /** Starts {@code seedCount} bootstrap DHT nodes that know each other. */
    public static LocalNet start(int seedCount, List<String> extraSettings) {
        List<String> all = new ArrayList<>(FAST);
        all.addAll(extraSettings);
        LocalNet net = new LocalNet(SettingsLoader.load(Optional.empty(), all));
        for (int i = 0; i < seedCount; i++) {
            DhtNode node = DhtNode.builder().settings(net.settings.dht()).build();
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

    /** A started peer keeping its data in {@code dataDir}. */
    @Override
    public TimelinePeer peer(Path dataDir) {
        return started(TimelinePeer.builder().settings(settings).dataDir(dataDir).seeds(seedAddresses()).build());
    }

    @Override
    public TimelinePeer lonePeer(Path dataDir) {
        return started(TimelinePeer.builder().settings(settings).dataDir(dataDir).build());
    }

    private TimelinePeer started(TimelinePeer peer) {
        await(peer.start());
        peers.add(peer);
        return peer;
    }

    /** Stops a peer started here (idempotent for the final close). */
    @Override
    public void stop(TimelinePeer peer) {
        if (peers.remove(peer)) {
            await(peer.stop());
        }
    }

    public static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The reason the future failed with; fails the test if it succeeded or failed otherwise. */
    public static murmur.timeline.TimelineException.Reason reason(CompletableFuture<?> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof murmur.timeline.TimelineException t) {
                return t.reason();
            }
            throw new AssertionError("failed with something else", cause);
        } catch (Exception e) {
            throw new AssertionError("did not fail in time", e);
        }
        throw new AssertionError("succeeded, but a failure was expected");
    }

    @Override
    public void close() {
        for (TimelinePeer p : List.copyOf(peers)) {
            stop(p);
        }
        for (DhtNode n : seeds) {
            n.stop().join();
        }
    }
}
