package murmur.app.demo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.dht.DhtNode;

/** Bootstrap nodes on loopback: plain DHT nodes with their own data folders; the first one seeds the others. */
final class SeedNodes {
    private final List<DhtNode> nodes = new ArrayList<>();

    CompletableFuture<Void> start(DhtSettings settings, Path folder, int count) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < count; i++) {
            DhtNode node = DhtNode.builder().settings(settings).dataDir(folder.resolve("seed-" + i))
                    .bindAddress(new InetSocketAddress("127.0.0.1", 0)).build();
            nodes.add(node);
            chain = chain.thenCompose(v -> node.start())
                    .thenCompose(v -> node == nodes.get(0) ? CompletableFuture.completedFuture(null)
                            : node.bootstrap(List.of(nodes.get(0).address())));
        }
        return chain;
    }

    List<InetSocketAddress> addresses() {
        return nodes.stream().map(DhtNode::address).toList();
    }

    CompletableFuture<Void> stop() {
        return CompletableFuture.allOf(nodes.stream().map(DhtNode::stop).toArray(CompletableFuture[]::new));
    }
}
