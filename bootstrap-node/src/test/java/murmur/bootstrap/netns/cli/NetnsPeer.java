package murmur.bootstrap.netns.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.exchange.BootstrapDirectory;

/**
 * {@code NetnsPeer <bind-ip> <seed-ip:port>}: joins through one bootstrap node, learns the others from
 * {@code bootstrap/nodes}, prints {@code ready <listed>}, then answers {@code put <key> <value>} with {@code ok} or
 * {@code err ...} and {@code get <key>} with {@code value <v>} or {@code missing}, one line each.
 */
public final class NetnsPeer {
    private NetnsPeer() {
    }

    public static void main(String[] args) throws Exception {
        DhtNode node = DhtNode.builder().bindAddress(new InetSocketAddress(args[0], 4100))
                .settings(SettingsLoader.load(Optional.empty(), List.of("dht.requestTimeout=500ms")).dht()).build();
        node.start().join();
        String[] seed = args[1].split(":");
        InetSocketAddress seedAddress = new InetSocketAddress(seed[0], Integer.parseInt(seed[1]));
        int listed = 0;
        for (int i = 0; i < 60 && listed < 3; i++) {
            if (node.routingTableSize() == 0) {
                node.bootstrap(List.of(seedAddress)).join();
            }
            listed = BootstrapDirectory.learn(node).exceptionally(e -> List.of()).join().size();
            if (listed < 3) {
                Thread.sleep(500);
            }
        }
        System.out.println("ready " + listed);
        SigningKey key = SigningKey.generate();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] w = line.split(" ");
            try {
                if ("put".equals(w[0])) {
                    node.put(OwnedRecord.sign(key, NodeId.ofKey(w[1]), w[2].getBytes(StandardCharsets.UTF_8), 1,
                            Duration.ofHours(1), Instant.now())).join();
                    System.out.println("ok");
                } else {
                    System.out.println(node.get(NodeId.ofKey(w[1])).join()
                            .map(r -> "value " + new String(r.value(), StandardCharsets.UTF_8)).orElse("missing"));
                }
            } catch (RuntimeException e) {
                System.out.println("err " + e.getMessage());
            }
        }
        node.stop().join();
    }
}
