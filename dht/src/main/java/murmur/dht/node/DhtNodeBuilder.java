package murmur.dht.node;

import murmur.dht.DhtObserver;
import murmur.dht.SigningKey;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import murmur.config.DhtSettings;
import murmur.dht.net.NettyNetwork;
import murmur.dht.persist.SqliteNodeStore;
import murmur.dht.rpc.Network;

/** Configures a {@link DhtNode}. Only the settings are required. */
public final class DhtNodeBuilder {
    private DhtSettings settings;
    private Network network;
    private boolean clientMode;
    private InetSocketAddress bindAddress = new InetSocketAddress("127.0.0.1", 0);
    private Path dataDir;
    private SigningKey key;
    private Random random = new Random();
    private DhtObserver observer = DhtObserver.NONE;

    DhtNodeBuilder() {}

    public DhtNodeBuilder settings(DhtSettings settings) {
        this.settings = settings;
        return this;
    }

    /** Sockets (shared by several nodes) or the simulator; by default the node opens its own sockets. */
    public DhtNodeBuilder network(Network network) {
        this.network = network;
        return this;
    }

    /** Where to listen; port 0 picks a free port. Default: loopback, any port. */
    public DhtNodeBuilder bindAddress(InetSocketAddress bindAddress) {
        this.bindAddress = bindAddress;
        return this;
    }

    /** Keeps the node key, records and routing table in this directory across restarts. */
    public DhtNodeBuilder dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** The node's key pair when it has no data directory; its hash is the node id. */
    public DhtNodeBuilder signingKey(SigningKey key) {
        this.key = key;
        return this;
    }

    /** Randomness for refresh targets: seed it for reproducible simulations. */
    public DhtNodeBuilder random(Random random) {
        this.random = random;
        return this;
    }

    /** Told about requests, refusals and lookups, e.g. to export metrics. Default: {@link DhtObserver#NONE}. */
    public DhtNodeBuilder observer(DhtObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /** Starts the node in client mode ({@link DhtNode#clientMode(boolean)}); default off. */
    public DhtNodeBuilder clientMode(boolean on) {
        this.clientMode = on;
        return this;
    }

    public DhtNode build() {
        Objects.requireNonNull(settings, "settings");
        Optional<SqliteNodeStore> disk = Optional.empty();
        SigningKey nodeKey = key;
        if (dataDir != null) {
            try {
                SqliteNodeStore store = SqliteNodeStore.open(dataDir);
                disk = Optional.of(store);
                nodeKey = nodeKey != null ? nodeKey : store.loadOrCreateKey();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the node database in " + dataDir + ": " + e.getMessage(),
                        e);
            }
        }
        if (nodeKey == null) {
            nodeKey = SigningKey.generate();
        }
        Network net = network;
        Runnable onStop = () -> { };
        if (net == null) {
            NettyNetwork own = NettyNetwork.create(settings, Clock.systemUTC(), 1);
            net = own;
            onStop = own::close;
        }
        DhtNode node = new DhtNode(settings, net, bindAddress, nodeKey, disk, onStop, random, observer);
        node.clientMode(clientMode);
        return node;
    }
}
