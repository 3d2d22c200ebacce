package murmur.dht.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import murmur.config.DhtSettings;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.Network;
import murmur.dht.rpc.Scheduler;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.MessageCodec;

/**
 * Real sockets: each node gets a UDP socket for routing messages and a TCP listener on the same port for messages
 * too large for a datagram. Nodes of one process may share one event loop group.
 */
public final class NettyNetwork implements Network, AutoCloseable {
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final DhtSettings settings;
    private final Clock clock;
    private final MessageCodec codec;

    private NettyNetwork(EventLoopGroup group, boolean ownsGroup, DhtSettings settings, Clock clock) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.settings = settings;
        this.clock = clock;
        this.codec = new MessageCodec(settings.maxMessageBytes(), Math.max(settings.setPageSize(), 1000));
    }

    /** A network with its own event loop threads; close it when its nodes have stopped. */
    public static NettyNetwork create(DhtSettings settings, Clock clock, int threads) {
        return new NettyNetwork(new NioEventLoopGroup(threads, new DefaultThreadFactory("dht-io", true)), true,
                settings, clock);
    }

    @Override
    public CompletableFuture<Transport> bind(InetSocketAddress requested, byte[] nodeKey, InboundHandler handler) {
        return NettyTransport.bind(group, requested, nodeKey, handler, settings, codec);
    }

    @Override
    public Scheduler scheduler() {
        return new Scheduler() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                try {
                    ScheduledFuture<?> f = group.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                    return () -> f.cancel(false);
                } catch (RejectedExecutionException shuttingDown) {
                    return () -> { };
                }
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
