package murmur.timeline.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One outbound connection per peer address, opened on first use and shared by every request to that address until
 * it closes or idles out; the next request then opens a new one.
 */
final class ConnectionPool {
    private final EventLoopGroup group;
    private final LinkSettings settings;
    private final FrameCodec codec;
    private final LinkCounters counters;
    private final Map<InetSocketAddress, CompletableFuture<Channel>> connections = new ConcurrentHashMap<>();

    ConnectionPool(EventLoopGroup group, LinkSettings settings, FrameCodec codec, LinkCounters counters) {
        this.group = group;
        this.settings = settings;
        this.codec = codec;
        this.counters = counters;
    }

    /** An open connection to {@code peer}; fails with {@link LinkException.Kind#UNREACHABLE} if none can be made. */
    CompletableFuture<Channel> connection(InetSocketAddress peer) {
        CompletableFuture<Channel> fresh = new CompletableFuture<>();
        CompletableFuture<Channel> chosen = connections.compute(peer,
                (address, current) -> current == null || isDead(current) ? fresh : current);
        if (chosen == fresh) {
            connect(peer, fresh);
        }
        return chosen;
    }

    /** Closes every connection; requests waiting on them fail as closed. */
    void closeAll() {
        connections.values().forEach(c -> c.thenAccept(Channel::close));
    }

    private void connect(InetSocketAddress peer, CompletableFuture<Channel> result) {
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.requestTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        FramePipeline.install(ch.pipeline(), codec, settings.idleTimeout(),
                                new OutboundRequests(peer, counters));
                    }
                })
                .connect(peer)
                .addListener((ChannelFuture connected) -> {
                    if (connected.isSuccess()) {
                        connected.channel().closeFuture().addListener(closed -> connections.remove(peer, result));
                        result.complete(connected.channel());
                    } else {
                        connections.remove(peer, result);
                        result.completeExceptionally(new LinkException(LinkException.Kind.UNREACHABLE,
                                "cannot connect to " + peer + ": " + connected.cause().getMessage()));
                    }
                });
    }

    private static boolean isDead(CompletableFuture<Channel> connection) {
        return connection.isCompletedExceptionally() || connection.isDone() && !connection.join().isActive();
    }
}
