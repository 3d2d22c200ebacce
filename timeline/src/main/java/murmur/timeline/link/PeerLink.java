package murmur.timeline.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Direct requests between peers over TCP. Serves the handlers registered with {@link #onRequest} on its listening
 * port, and sends requests over one pooled connection per peer address, many at once, told apart by a 64-bit id.
 * Answers and failures complete on a worker thread, never an I/O thread.
 */
public final class PeerLink implements DirectLink {
    private static final int IO_THREADS = 2;
    private static final int WORKER_THREADS = 4;

    private final boolean ownsThreads;
    private final EventLoopGroup group;
    private final ExecutorService workers;
    private final LinkCounters counters = new LinkCounters();
    private final RequestHandlers handlers = new RequestHandlers();
    private final InboundConnections inbound;
    private final Requester requester;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Channel server;

    private PeerLink(LinkSettings settings, LinkThreads threads, boolean ownsThreads) {
        this.ownsThreads = ownsThreads;
        this.group = threads.io();
        this.workers = threads.workers();
        FrameCodec codec = new FrameCodec(settings.maxFrameBytes());
        this.inbound = new InboundConnections(handlers, workers, settings, codec, counters);
        this.requester = new Requester(group, workers, settings, codec, counters);
    }

    /** Listens on {@code bindAddress} (port 0 picks a free port); fails if the address cannot be bound. */
    public static CompletableFuture<PeerLink> bind(InetSocketAddress bindAddress, LinkSettings settings) {
        return bind(new PeerLink(settings, new LinkThreads(IO_THREADS, WORKER_THREADS), true), bindAddress);
    }

    /** Like {@link #bind(InetSocketAddress, LinkSettings)}, on shared threads that outlive the link. */
    public static CompletableFuture<PeerLink> bind(InetSocketAddress bindAddress, LinkSettings settings,
            LinkThreads shared) {
        return bind(new PeerLink(settings, shared, false), bindAddress);
    }

    private static CompletableFuture<PeerLink> bind(PeerLink link, InetSocketAddress bindAddress) {
        CompletableFuture<PeerLink> bound = new CompletableFuture<>();
        new ServerBootstrap().group(link.group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(link.inbound)
                .bind(bindAddress)
                .addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        link.server = f.channel();
                        bound.complete(link);
                    } else {
                        link.close().whenComplete((ignored, error) -> bound.completeExceptionally(f.cause()));
                    }
                });
        return bound;
    }

    private static CompletableFuture<Void> toFuture(ChannelFuture f) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        f.addListener(x -> done.complete(null));
        return done;
    }

    /**
     * Answers requests of {@code type} (0 to 65535, see {@link LinkTypes}) with {@code handler}; a second handler
     * for a type is refused with {@link IllegalStateException}, so a clash of numbers fails at start.
     */
    @Override
    public void onRequest(int type, RequestHandler handler) {
        handlers.put(type, handler);
    }

    /**
     * Sends a request of {@code type} (0 to 65535) to the peer listening at {@code to}. Fails with a
     * {@link LinkException}: the peer's error text, a timeout, an unreachable peer, a dropped connection, a body
     * over the frame limit, or this link closed.
     */
    public CompletableFuture<byte[]> request(InetSocketAddress to, int type, byte[] body) {
        return requester.request(to, type, body);
    }

    /**
     * Like {@link #request(InetSocketAddress, int, byte[])}, to a peer that published several addresses, best first:
     * they are raced happy-eyeballs style, and the one that connected is tried first next time.
     */
    @Override
    public CompletableFuture<byte[]> request(List<InetSocketAddress> to, int type, byte[] body) {
        return requester.request(to, type, body);
    }

    /** The address the link listens on. */
    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Requests answered with a response (not an error) since the link started. */
    public long requestsServed() {
        return counters.servedCount();
    }

    /** Frames dropped since the link started: malformed, oversized, unexpected or answering nothing we asked. */
    public long framesDropped() {
        return counters.droppedCount();
    }

    /** Inbound connections open now. */
    public int inboundConnections() {
        return inbound.open();
    }

    /** Stops listening, closes every connection and fails every unanswered request; idempotent. */
    @Override
    public CompletableFuture<Void> close() {
        if (closing.compareAndSet(false, true)) {
            Channel listening = server;
            if (listening != null) {
                listening.close();
            }
            requester.stop();
            if (!ownsThreads) {
                inbound.closeAll();
                CompletableFuture<?> serverClosed = listening == null ? CompletableFuture.completedFuture(null)
                        : toFuture(listening.closeFuture());
                serverClosed.whenComplete((v, e) -> closed.complete(null));
                return closed;
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(done -> {
                workers.shutdown();
                closed.complete(null);
            });
        }
        return closed;
    }
}
