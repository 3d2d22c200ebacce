package murmur.timeline.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import murmur.transport.Signer;
import murmur.transport.secure.SecureChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets up each accepted connection, or closes it at once when the inbound limit is reached. */
final class InboundConnections extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(InboundConnections.class);

    private final RequestHandlers handlers;
    private final Executor workers;
    private final LinkSettings settings;
    private final FrameCodec codec;
    private final LinkCounters counters;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    private final AtomicLong refusedPerIp = new AtomicLong();

    InboundConnections(RequestHandlers handlers, Executor workers, LinkSettings settings, FrameCodec codec,
            LinkCounters counters) {
        this.handlers = handlers;
        this.workers = workers;
        this.settings = settings;
        this.codec = codec;
        this.counters = counters;
    }

    int open() {
        return open.get();
    }

    /** Closes every accepted connection (needed when the event loops are shared and outlive the link). */
    void closeAll() {
        channels.forEach(Channel::close);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (admit(ch)) {
            FramePipeline.install(ch.pipeline(), codec, idle(), handler());
        }
    }

    /**
     * Counts {@code ch} among the open inbound connections (a circuit accepted through a relay is one too), or
     * closes it when the limit is reached.
     */
    boolean admit(Channel ch) {
        if (open.incrementAndGet() > settings.maxInboundConnections()) {
            open.decrementAndGet();
            LOG.warn("refusing a connection from {}: {} connections are open already", ch.remoteAddress(),
                    settings.maxInboundConnections());
            ch.close();
            return false;
        }
        InetAddress ip = ch.remoteAddress() instanceof InetSocketAddress a && !a.getAddress().isLoopbackAddress()
                ? a.getAddress() : null;
        if (ip != null && perIp.merge(ip, 1, Integer::sum) > perIpLimit()) {
            perIp.merge(ip, -1, (n, d) -> n + d == 0 ? null : n + d);
            open.decrementAndGet();
            refusedPerIp.incrementAndGet();
            LOG.debug("refusing a connection from {}: {} are open from that address already", ip, perIpLimit());
            ch.close();
            return false;
        }
        channels.add(ch);
        ch.closeFuture().addListener(closed -> {
            channels.remove(ch);
            open.decrementAndGet();
            if (ip != null) {
                perIp.merge(ip, -1, (n, d) -> n + d == 0 ? null : n + d);
            }
        });
        return true;
    }

    /**
     * The most inbound connections one IP address may hold: an eighth of all slots (at least 4), so that one
     * address cannot take every slot. This machine (loopback) and circuits through a relay (counted by the relay,
     * per peer) are not limited by it.
     */
    int perIpLimit() {
        return Math.max(4, settings.maxInboundConnections() / 8);
    }

    /** Connections refused because their address held its share of the slots already. */
    long refusedPerIp() {
        return refusedPerIp.get();
    }

    /** Twice the client's idle time, so a client normally closes first and never races a closing server. */
    Duration idle() {
        return settings.idleTimeout().multipliedBy(2);
    }

    /**
     * The rest of an inbound connection that came through a relay or a punched hole: the secure channel, in which
     * this peer proves {@code self}, then the codec and the request handler.
     */
    void installSecure(ChannelPipeline pipeline, Signer self) {
        FramePipeline.installSecure(pipeline, SecureChannel.responder(self), codec, handler());
    }

    /** The handler that serves one inbound connection's requests. */
    InboundRequests handler() {
        return new InboundRequests(handlers, workers, settings, codec, counters);
    }
}
