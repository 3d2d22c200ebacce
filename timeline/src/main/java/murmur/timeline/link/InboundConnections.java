package murmur.timeline.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
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
        channels.add(ch);
        ch.closeFuture().addListener(closed -> {
            channels.remove(ch);
            open.decrementAndGet();
        });
        return true;
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
