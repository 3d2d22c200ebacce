package murmur.bootstrap;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.config.SettingsLoader;

/**
 * Bootstrap nodes on loopback in this JVM, for the demo and for tests: node {@code i} keeps its data in
 * {@code <folder>/node-i} and listens on free ports; the first starts alone, the others join it in parallel, and
 * peer exchange introduces them to each other. A folder used before gives the nodes back their ids and records.
 */
public final class LocalNetwork implements AutoCloseable {
    private final List<BootstrapDaemon> nodes;

    private LocalNetwork(List<BootstrapDaemon> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Starts {@code count} nodes with the default settings; returns once all of them are up. */
    public static LocalNetwork start(Path folder, int count) {
        return start(folder, count, List.of());
    }

    /** As {@link #start(Path, int)}, with {@code key=value} setting overrides for every node, e.g. {@code dht.k=8}. */
    public static LocalNetwork start(Path folder, int count, List<String> overrides) {
        if (count < 1) {
            throw new IllegalArgumentException("a network needs at least one node, got " + count);
        }
        List<BootstrapDaemon> nodes = new ArrayList<>();
        try {
            BootstrapDaemon first = daemon(folder, 0, overrides, List.of());
            nodes.add(first);
            first.start().join();
            String seed = "127.0.0.1:" + first.address().getPort();
            List<CompletableFuture<Void>> rest = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                BootstrapDaemon d = daemon(folder, i, overrides, List.of(seed));
                nodes.add(d);
                rest.add(d.start());
            }
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            new LocalNetwork(nodes).close();
            throw e;
        }
        return new LocalNetwork(nodes);
    }

    private static BootstrapDaemon daemon(Path folder, int index, List<String> overrides, List<String> seeds) {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(List.of("bootstrap.host=127.0.0.1", "bootstrap.port=0", "bootstrap.sntpPort=0",
                "bootstrap.adminHost=127.0.0.1", "bootstrap.adminPort=0",
                "bootstrap.dataDir=" + folder.resolve("node-" + index).toAbsolutePath(),
                "bootstrap.seeds=" + String.join(",", seeds)));
        return new BootstrapDaemon(SettingsLoader.load(Optional.empty(), all), Clock.systemUTC());
    }

    public List<BootstrapDaemon> nodes() {
        return nodes;
    }

    /** Where peers reach the nodes' DHT (UDP and TCP), in node order. */
    public List<InetSocketAddress> dhtAddresses() {
        return nodes.stream().map(BootstrapDaemon::address).toList();
    }

    /** Where the nodes answer SNTP, in node order. */
    public List<InetSocketAddress> sntpAddresses() {
        return nodes.stream().map(BootstrapDaemon::sntpAddress).toList();
    }

    /** Stops every node; completes when all are down and their stores closed. */
    public CompletableFuture<Void> stop() {
        return CompletableFuture.allOf(nodes.stream().map(BootstrapDaemon::stop).toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        stop().join();
    }
}
