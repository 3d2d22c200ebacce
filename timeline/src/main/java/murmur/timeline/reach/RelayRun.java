package murmur.timeline.reach;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.transport.relay.RelayLimits;
import murmur.transport.relay.RelayServer;

/**
 * One stretch of relaying: a {@link RelayServer} on an event loop of its own ({@code relay-io}), so that closing it
 * also closes every reservation and circuit it carried.
 */
final class RelayRun {
    private final EventLoopGroup group;
    private final RelayServer server;

    private RelayRun(EventLoopGroup group, RelayServer server) {
        this.group = group;
        this.server = server;
    }

    /** Listens on {@code host}: at {@code port}, or when that is 0 at {@code preferred} and else any free port. */
    static CompletableFuture<RelayRun> start(InetAddress host, int port, int preferred, RelayLimits limits) {
        EventLoopGroup group = new NioEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "relay-io");
            t.setDaemon(true);
            return t;
        });
        int first = port != 0 ? port : preferred;
        return RelayServer.start(group, new InetSocketAddress(host, first), limits)
                .handle((s, e) -> e == null || port != 0 ? CompletableFuture.completedFuture(s)
                        : RelayServer.start(group, new InetSocketAddress(host, 0), limits))
                .thenCompose(f -> f)
                .handle((s, e) -> {
                    if (s == null || e != null) {
                        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                        throw new IllegalStateException("cannot listen on TCP " + host.getHostAddress() + ":" + first,
                                e);
                    }
                    return new RelayRun(group, s);
                });
    }

    InetSocketAddress address() {
        return server.address();
    }

    RelayServer server() {
        return server;
    }

    /** Bytes relayed in this run so far. */
    long bytesRelayed() {
        return server.counters().get("bytes_relayed");
    }

    /** Stops listening and drops every connection; completes once the event loop is gone. */
    CompletableFuture<Void> close() {
        return server.close().thenCompose(v -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
            return done;
        });
    }
}
