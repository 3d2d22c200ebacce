package murmur.timeline.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.transport.Signer;
import murmur.transport.relay.RelayHandshake;
import murmur.transport.relay.RelayReservation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct requests between peers over TCP. Serves the handlers registered with {@link #onRequest} on its listening
 * port, and sends requests over one pooled connection per peer address, many at once, told apart by a 64-bit id.
 * Answers and failures complete on a worker thread, never an I/O thread.
 */
public final class PeerLink implements DirectLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
    private static final int IO_THREADS = 2;
    private static final int WORKER_THREADS = 4;

    private final boolean ownsThreads;
    private final LinkSettings settings;
    private final EventLoopGroup group;
    private final ExecutorService workers;
    private final LinkCounters counters = new LinkCounters();
    private final RequestHandlers handlers = new RequestHandlers();
    private final InboundConnections inbound;
    private final Requester requester;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final FrameCodec codec;
    private final HolePunch punch;
    /** The relays this link holds a reservation at now: circuits from them arrive from these addresses. */
    private final Set<InetSocketAddress> relays = ConcurrentHashMap.newKeySet();
    private volatile Signer identity;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Channel server;

    private PeerLink(LinkSettings settings, LinkThreads threads, boolean ownsThreads) {
        this.settings = settings;
        this.ownsThreads = ownsThreads;
        this.group = threads.io();
        this.workers = threads.workers();
        this.codec = new FrameCodec(settings.maxFrameBytes());
        this.inbound = new InboundConnections(handlers, workers, settings, codec, counters);
        this.requester = new Requester(group, workers, settings, codec, counters, () -> identity);
        this.punch = new HolePunch(group, codec, inbound, () -> identity, counters);
        // Only a peer that came through one of this peer's relays may ask it to punch (connect somewhere).
        handlers.put(LinkTypes.PUNCH, (from, body) -> relays.contains(from) ? punch.onPunch(from, body)
                : CompletableFuture.failedFuture(new IllegalStateException("a punch is asked for through a relay")));
        requester.pool().onRelayed(peer -> {
            if (punch.canPunch()) {
                punch.upgrade(peer, this::request, ch -> requester.pool().adopt(peer, ch)).exceptionally(e -> {
                    LOG.info("no direct connection to {}; the relay stays: {}", peer, e.getMessage());
                    return null;
                });
            }
        });
    }

    /**
     * Lets this link punch holes: {@code ip} is the public address other nodes observe for this peer (the DHT's
     * observed address). Relayed connections are then upgraded to direct ones where the routers allow it.
     */
    @Override
    public void holePunching(Supplier<Optional<InetAddress>> ip) {
        punch.publicIp(ip);
    }

    /** Relayed connections this link tried to replace by punching, and how many it did. */
    public long punchesTried() {
        return punch.tried();
    }

    public long punchesSucceeded() {
        return punch.punched();
    }

    /** Punches other peers asked this link for (through its relays), and how many gave a proven connection. */
    public long punchesAnswered() {
        return punch.answered();
    }

    public long punchesAnsweredDirect() {
        return punch.answeredPunched();
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
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(link.inbound)
                .bind(bindAddress)
                .addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        link.server = f.channel();
                        link.punch.listensAt((InetSocketAddress) f.channel().localAddress());
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
    public CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body) {
        return requester.request(to, type, body);
    }

    /**
     * The key this peer proves on connections through relays, both ways: the DHT node's. Until it is set, relayed
     * addresses cannot be dialled and no reservation can be made.
     */
    @Override
    public void identity(Signer self) {
        this.identity = self;
    }

    /**
     * Reserves at the relay at {@code relay}, so that peers can reach this one through it: each circuit the relay
     * announces is taken on a fresh outbound connection, runs the secure channel (this peer proves its key), and is
     * then served like any inbound connection. Fails with the relay's words.
     */
    @Override
    public CompletableFuture<RelayReservation> reserveAt(InetSocketAddress relay) {
        Signer self = identity;
        if (self == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no identity to reserve with"));
        }
        return RelayReservation.open(group, relay, self, circuit -> acceptCircuit(relay, circuit, self),
                settings.requestTimeout()).thenApply(r -> {
                    relays.add(relay);
                    r.closed().whenComplete((v, e) -> relays.remove(relay));
                    return r;
                });
    }

    private void acceptCircuit(InetSocketAddress relay, long circuit, Signer self) {
        if (closing.get()) {
            return;
        }
        Outbound.bootstrap(group, settings.requestTimeout(), ch -> {
            if (inbound.admit(ch)) {
                FramePipeline.installRelayed(ch.pipeline(), codec, inbound.idle());
                ch.pipeline().addLast(RelayHandshake.accept(circuit, p -> inbound.installSecure(p, self)));
            }
        }).connect(relay);
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
