package murmur.dht.net;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.dht.node.DhtNode;

/** Nodes with real sockets on 127.0.0.1 sharing one event loop group; every node joins through the first. */
final class LoopbackCluster implements AutoCloseable {
    final DhtSettings settings;
    final NettyNetwork network;
    final List<DhtNode> nodes = new ArrayList<>();

    LoopbackCluster(DhtSettings settings) {
        this.settings = settings;
        this.network = NettyNetwork.create(settings, Clock.systemUTC(), 2);
    }

    DhtNode add(Path dataDir, int port) {
        var builder = DhtNode.builder().settings(settings).network(network)
                .bindAddress(new InetSocketAddress("127.0.0.1", port));
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        DhtNode node = builder.build();
        node.start().join();
        nodes.add(node);
        return node;
    }

    void grow(int count) {
        for (int i = 0; i < count; i++) {
            add(null, 0);
        }
        joinAll();
    }

    void joinAll() {
        InetSocketAddress seed = nodes.get(0).address();
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        for (DhtNode n : nodes.subList(1, nodes.size())) {
            joins.add(n.bootstrap(List.of(seed)));
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        for (DhtNode n : nodes) {
            n.stop().join();
        }
        network.close();
    }
}
