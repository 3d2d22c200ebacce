package murmur.bootstrap.relay;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.config.BootstrapSettings;
import murmur.transport.relay.RelayLimits;
import murmur.transport.relay.RelayServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RelayServer} on {@code bootstrap.relayPort} (0: the DHT port + 1, where peers look for it), with
 * the operator's caps, on one event loop of its own. A port that is taken leaves the node without a relay, logged:
 * the DHT matters more.
 */
public final class RelayService {
    private static final Logger LOG = LoggerFactory.getLogger(RelayService.class);

    private final BootstrapSettings settings;
    private final EventLoopGroup group = new NioEventLoopGroup(1, r -> {
        Thread t = new Thread(r, "murmur-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile RelayServer server;

    public RelayService(BootstrapSettings settings) {
        this.settings = settings;
    }

    /** The relay's limits from the settings. */
    static RelayLimits limits(BootstrapSettings b) {
        return RelayLimits.defaults().withMaxReservations(b.relayMaxPeers())
                .withPeerBytes(b.relayBytesPerSecond(), b.relayMaxBytes());
    }

    /** Starts listening next to the DHT at {@code dhtPort}; completes with the server, or empty without one. */
    public CompletableFuture<Optional<RelayServer>> start(String host, int dhtPort) {
        if (!settings.relay()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        int port = settings.relayPort() != 0 ? settings.relayPort() : dhtPort + 1;
        return RelayServer.start(group, new InetSocketAddress(host, port), limits(settings)).handle((s, e) -> {
            if (e != null) {
                LOG.warn("no relay: cannot listen on TCP {}:{} ({})", host, port, e.getMessage());
                return Optional.<RelayServer>empty();
            }
            server = s;
            LOG.info("relaying for peers behind routers on TCP {}", s.address());
            return Optional.of(s);
        });
    }

    /** Whether the relay runs, at the port after the DHT's (no {@code bootstrap.relayPort} set). */
    public boolean nextToDht() {
        return settings.relay() && settings.relayPort() == 0;
    }

    public Optional<RelayServer> server() {
        return Optional.ofNullable(server);
    }

    public CompletableFuture<Void> stop() {
        RelayServer s = server;
        CompletableFuture<Void> closed = s == null ? CompletableFuture.completedFuture(null) : s.close();
        return closed.thenCompose(v -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
            return done;
        });
    }
}
