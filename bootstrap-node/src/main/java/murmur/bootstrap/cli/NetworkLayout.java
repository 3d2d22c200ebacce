package murmur.bootstrap.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A local network's folder: {@code network.properties} records each node's ports, chosen free once and kept, so a
 * node restarted later comes back on the same address; node {@code i} keeps its data in {@code node-i}.
 */
final class NetworkLayout {
    private static final String FILE = "network.properties";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One node's place in the network. */
    record Node(int index, Path dataDir, int dhtPort, int sntpPort, int adminPort) {
        Path pidFile() {
            return dataDir.resolve("pid");
        }
    }

    private NetworkLayout() {
    }

    /** The recorded nodes, extended with new ones on free ports up to {@code count}. */
    static List<Node> ensure(Path dir, int count) throws IOException {
        List<Node> nodes = new ArrayList<>(read(dir));
        for (int i = nodes.size(); i < count; i++) {
            nodes.add(new Node(i, dir.resolve("node-" + i), freeUdpAndTcpPort(), freeUdpPort(), freeTcpPort()));
        }
        Files.createDirectories(dir);
        Properties p = new Properties();
        for (Node n : nodes) {
            p.setProperty("node." + n.index() + ".dht", Integer.toString(n.dhtPort()));
            p.setProperty("node." + n.index() + ".sntp", Integer.toString(n.sntpPort()));
            p.setProperty("node." + n.index() + ".admin", Integer.toString(n.adminPort()));
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE))) {
            p.store(w, "murmur local network: ports per node");
        }
        return nodes;
    }

    static List<Node> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<Node> nodes = new ArrayList<>();
        if (!Files.exists(file)) {
            return nodes;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        for (int i = 0; p.containsKey("node." + i + ".dht"); i++) {
            nodes.add(new Node(i, dir.resolve("node-" + i), port(p, i, "dht"), port(p, i, "sntp"),
                    port(p, i, "admin")));
        }
        return nodes;
    }

    private static int port(Properties p, int index, String what) {
        return Integer.parseInt(p.getProperty("node." + index + "." + what).trim());
    }

    private static int freeUdpAndTcpPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK);
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                continue;
            }
        }
        throw new IOException("no port free for both UDP and TCP on loopback");
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return udp.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
            return tcp.getLocalPort();
        }
    }
}
