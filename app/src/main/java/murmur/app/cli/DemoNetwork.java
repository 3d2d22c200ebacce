package murmur.app.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.dht.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TracedRead;
import murmur.dht.net.NettyNetwork;

/**
 * What {@code murmur demo} can show until the client exists: a bootstrap node and a few peers on loopback, one
 * user's signed profile written from one peer and read from another, and followers in a multi-writer set.
 */
final class DemoNetwork {
    private final DhtSettings settings;
    private final PrintWriter out;

    DemoNetwork(DhtSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    void run(int peers) {
        try (NettyNetwork network = NettyNetwork.create(settings, Clock.systemUTC(), 2)) {
            List<DhtNode> nodes = new ArrayList<>();
            for (int i = 0; i <= peers; i++) {
                DhtNode node = DhtNode.builder().settings(settings).network(network)
                        .bindAddress(new InetSocketAddress("127.0.0.1", 0)).build();
                node.start().join();
                nodes.add(node);
            }
            DhtNode bootstrap = nodes.get(0);
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            nodes.subList(1, nodes.size()).forEach(n -> joins.add(n.bootstrap(List.of(bootstrap.address()))));
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
            out.printf("bootstrap node %s on 127.0.0.1:%d; %d peers joined through it%n", bootstrap.id(),
                    bootstrap.address().getPort(), peers);
            showProfile(nodes.get(1), nodes.get(peers));
            showFollowers(nodes.get(2), nodes.get(peers - 1));
            nodes.forEach(n -> n.stop().join());
        }
        out.flush();
    }

    private void showProfile(DhtNode writer, DhtNode reader) {
        SigningKey alice = SigningKey.generate();
        NodeId key = NodeId.ofKey("profile/alice");
        byte[] profile = "Alice, posting from the demo".getBytes(StandardCharsets.UTF_8);
        int replicas = writer.put(OwnedRecord.sign(alice, key, profile, 1, Duration.ofHours(1),
                Clock.systemUTC().instant())).join().accepted();
        long start = System.nanoTime();
        TracedRead read = reader.getTraced(key).join();
        out.printf("profile/alice signed and stored on %d replicas by peer %s; read back by peer %s in %.1f ms, "
                + "%d hop(s): \"%s\"%n", replicas, writer.id(), reader.id(), (System.nanoTime() - start) / 1e6,
                read.hops(), read.record().map(r -> new String(r.value(), StandardCharsets.UTF_8)).orElse("(missing)"));
    }

    private void showFollowers(DhtNode writer, DhtNode reader) {
        NodeId followers = NodeId.ofKey("followers/alice");
        for (String name : List.of("bob", "carol", "dave")) {
            writer.putEntry(SetEntry.sign(SigningKey.generate(), followers, name.getBytes(StandardCharsets.UTF_8), 1,
                    Duration.ofHours(1), Clock.systemUTC().instant())).join();
        }
        List<String> names = reader.entries(followers).join().stream()
                .map(e -> new String(e.value(), StandardCharsets.UTF_8)).sorted().toList();
        out.printf("followers/alice, one signed entry per follower, read by another peer: %s%n", names);
    }
}
