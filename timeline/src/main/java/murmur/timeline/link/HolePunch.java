package murmur.timeline.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import murmur.transport.MalformedInputException;
import murmur.transport.Signer;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;
import murmur.transport.secure.SecureChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a relayed connection into a direct one where the routers allow it (the idea of libp2p's DCUtR, over TCP
 * simultaneous open). Over the open relayed connection the dialer sends {@link LinkTypes#PUNCH} with its public
 * endpoint (the IP others observe, and its link port); the dialled peer answers with its own and both connect to
 * each other from their link ports, so each router sees the other's packets as answers to its own. The dialer
 * connects as soon as the answer comes, the dialled peer {@link #ANSWERER_DELAY} after answering: its SYN then
 * finds the dialer's connection attempt waiting (even a dialer with no router in front, whose listener would
 * otherwise take the SYN as a plain inbound connection). Routers
 * that keep the source port (most home routers) let the connections meet; one that maps each destination to a new
 * port (symmetric NAT) does not, and the relay stays in use. A punched connection runs the secure channel like a
 * relayed one, so the dialled peer must still prove its key; it then replaces the relayed one in the pool.
 */
final class HolePunch {
    static final Duration ATTEMPT = Duration.ofSeconds(4);
    static final Duration ANSWERER_DELAY = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(HolePunch.class);
    private static final int MAX_ENDPOINT_BYTES = 64;

    private final EventLoopGroup group;
    private final FrameCodec codec;
    private final InboundConnections inbound;
    private final Supplier<Signer> identity;
    private final LinkCounters counters;
    private final AtomicLong tried = new AtomicLong();
    private final AtomicLong punched = new AtomicLong();
    private volatile Supplier<Optional<InetAddress>> publicIp = Optional::empty;
    private volatile boolean enabled;
    private volatile InetSocketAddress local;

    HolePunch(EventLoopGroup group, FrameCodec codec, InboundConnections inbound, Supplier<Signer> identity,
            LinkCounters counters) {
        this.group = group;
        this.counters = counters;
        this.codec = codec;
        this.inbound = inbound;
        this.identity = identity;
    }

    /** Where the link listens (bind address and port): punched connections leave from there. */
    void listensAt(InetSocketAddress address) {
        this.local = address;
    }

    /** The public IP others observe for this peer; without one, no punching. */
    void publicIp(Supplier<Optional<InetAddress>> ip) {
        this.publicIp = ip;
        this.enabled = true;
    }

    /** Whether this link punches at all (it was given a public address to punch from). */
    boolean enabled() {
        return enabled;
    }

    long tried() {
        return tried.get();
    }

    long punched() {
        return punched.get();
    }

    /**
     * The dialer's side: asks the peer behind {@code relayed} to punch, through {@code ask} (a request over that very
     * connection), then connects; completes with the direct connection, or fails and the relay stays.
     */
    CompletableFuture<Channel> upgrade(PeerAddress relayed, AskOver ask, Consumer<Channel> outbound) {
        Optional<InetSocketAddress> mine = endpoint();
        Signer self = identity.get();
        if (mine.isEmpty() || self == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no public address to punch from"));
        }
        tried.incrementAndGet();
        byte[] key = relayed.relayedKey().orElseThrow();
        return ask.request(List.of(relayed), LinkTypes.PUNCH, encode(mine.get())).thenCompose(answer -> {
            InetSocketAddress theirs;
            try {
                theirs = decode(answer);
            } catch (MalformedInputException e) {
                return CompletableFuture.failedFuture(e);
            }
            return connect(theirs, ch -> {
                FramePipeline.installRelayed(ch.pipeline(), codec, inbound.idle());
                FramePipeline.installSecure(ch.pipeline(), SecureChannel.initiator(self, key), codec,
                        new OutboundRequests(theirs, counters));
            }).thenCompose(this::proven).thenApply(ch -> {
                punched.incrementAndGet();
                LOG.info("punched a direct connection to {} ({}), which was reached through a relay", theirs,
                        relayed);
                outbound.accept(ch);
                return ch;
            });
        });
    }

    /** {@code ch} once the peer has proven its key on it; closed when it does not in time. */
    private CompletableFuture<Channel> proven(Channel ch) {
        return ch.pipeline().get(SecureChannel.class).established()
                .orTimeout(ATTEMPT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((key, e) -> {
                    if (e != null) {
                        ch.close();
                    }
                }).thenApply(key -> ch);
    }

    /** The dialled side: answers with this peer's endpoint and connects towards the dialer's at the same time. */
    CompletableFuture<byte[]> onPunch(InetSocketAddress from, byte[] body) {
        InetSocketAddress theirs;
        try {
            theirs = decode(body);
        } catch (MalformedInputException e) {
            return CompletableFuture.failedFuture(e);
        }
        Optional<InetSocketAddress> mine = endpoint();
        Signer self = identity.get();
        if (mine.isEmpty() || self == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no public address to punch from"));
        }
        group.schedule(() -> connect(theirs, ch -> {
            if (inbound.admit(ch)) {
                FramePipeline.installRelayed(ch.pipeline(), codec, inbound.idle());
                inbound.installSecure(ch.pipeline(), self);
            }
        }).whenComplete((ch, e) -> LOG.info(e == null ? "punched a direct connection from {}"
                : "punching towards {} failed; the relay stays", theirs)),
                ANSWERER_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.completedFuture(encode(mine.get()));
    }

    private Optional<InetSocketAddress> endpoint() {
        InetSocketAddress l = local;
        return l == null ? Optional.empty() : publicIp.get().map(ip -> new InetSocketAddress(ip, l.getPort()));
    }

    /** A connection from the link's own port to {@code to}, which must open within {@link #ATTEMPT}. */
    private CompletableFuture<Channel> connect(InetSocketAddress to, Consumer<SocketChannel> init) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        Outbound.bootstrap(group, ATTEMPT, init)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true)
                .localAddress(local)
                .connect(to).addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        result.complete(f.channel());
                    } else {
                        result.completeExceptionally(f.cause());
                    }
                });
        return result;
    }

    private static byte[] encode(InetSocketAddress endpoint) {
        return new WireWriter().text(PeerAddress.direct(endpoint).toString()).toBytes();
    }

    private static InetSocketAddress decode(byte[] body) throws MalformedInputException {
        WireReader r = new WireReader(body);
        String text = r.text(MAX_ENDPOINT_BYTES, "endpoint");
        r.end();
        return PeerAddress.parse(text).filter(a -> !a.isRelayed()).map(PeerAddress::address)
                .orElseThrow(() -> new MalformedInputException("not an endpoint to punch to: " + text));
    }

    /** A request to a peer by its addresses: the link's own. */
    @FunctionalInterface
    interface AskOver {
        CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body);
    }
}
