package murmur.timeline.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * simultaneous open). Each side binds a fresh port and names it with its public IP (as other nodes observe it):
 * over the open relayed connection the dialer sends {@link LinkTypes#PUNCH} with its endpoint, the dialled peer
 * answers with its own, and both connect from those ports to each other's, so each router sees the other's
 * packets as answers to its own. The dialer connects as soon as the answer comes, the dialled peer {@link
 * #ANSWERER_DELAY} later: the first SYN to reach a router that did not send one yet is dropped (a home router's
 * firewall) and the second meets the first side's attempt, whichever order they come in. Routers that keep the
 * source port (most home routers, and chains of them) let the connections meet; one that maps each destination to
 * a new port (symmetric NAT) does not, nor does one that answers unasked packets with a reset, and the relay
 * stays in use. A punched connection runs the secure channel like a relayed one, so the dialled peer must still
 * prove its key; it then replaces the relayed one in the pool. Connections serve one direction, as every link
 * connection does: the dialled peer answers requests on it.
 */
final class HolePunch {
    static final Duration ATTEMPT = Duration.ofSeconds(4);
    static final Duration ANSWERER_DELAY = Duration.ofMillis(300);
    /**
     * A failed punch is tried once more after this pause, from fresh ports: a first attempt fails where an answer
     * over a busy relay comes late or a router's mapping is not yet there, and the second then usually meets.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(HolePunch.class);
    private static final int MAX_ENDPOINT_BYTES = 64;

    private final EventLoopGroup group;
    private final FrameCodec codec;
    private final InboundConnections inbound;
    private final Supplier<Signer> identity;
    private final LinkCounters counters;
    private final AtomicLong tried = new AtomicLong();
    private final AtomicLong punched = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong answeredPunched = new AtomicLong();
    /** Live punched connections by the dialled peer's key (hex), so another relayed address reuses its hole. */
    private final Map<String, Channel> punchedTo = new ConcurrentHashMap<>();
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

    /** Where the link listens (bind address and port): punched connections leave from fresh ports on its address. */
    void listensAt(InetSocketAddress address) {
        this.local = address;
    }

    /** The public IP others observe for this peer; without one, no punching. */
    void publicIp(Supplier<Optional<InetAddress>> ip) {
        this.publicIp = ip;
        this.enabled = true;
    }

    /** Whether this link punches now: it was told to, and others observe a public address for it. */
    boolean canPunch() {
        return enabled && publicIp.get().filter(HolePunch::isPublic).isPresent();
    }

    /**
     * Whether punching towards or from {@code ip} can make sense: an address of the internet, not loopback, link-local,
     * multicast or the wildcard. It also keeps a peer from being made to connect to its own machine's services.
     */
    static boolean isPublic(InetAddress ip) {
        return PeerAddress.dialable(new InetSocketAddress(ip, 1)) && !PeerAddress.thisMachineOrLink(ip);
    }

    long tried() {
        return tried.get();
    }

    long punched() {
        return punched.get();
    }

    /** Punches other peers asked this one for. */
    long answered() {
        return answered.get();
    }

    /** Of those, the ones that gave a direct connection on which the asking peer proved its key. */
    long answeredPunched() {
        return answeredPunched.get();
    }

    /**
     * The dialer's side: binds a fresh port, asks the peer behind {@code relayed} to punch towards it, through
     * {@code ask} (a request over that very connection), then connects from that port to the one the peer names;
     * completes with the direct connection, or fails and the relay stays. A peer already punched to (through
     * another relay) gets that connection again instead of a second hole. A failed attempt is tried once more,
     * {@link #RETRY_AFTER} later.
     */
    CompletableFuture<Channel> upgrade(PeerAddress relayed, AskOver ask, Consumer<Channel> outbound) {
        return attempt(relayed, ask, outbound).exceptionallyCompose(first -> {
            LOG.info("punching towards {} failed ({}); trying once more from fresh ports", relayed, reason(first));
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS, group))
                    .thenCompose(ignored -> attempt(relayed, ask, outbound));
        });
    }

    /** One punch: fresh ports on both sides, one answer over the relay, one simultaneous open. */
    private CompletableFuture<Channel> attempt(PeerAddress relayed, AskOver ask, Consumer<Channel> outbound) {
        Signer self = identity.get();
        Optional<InetAddress> ip = publicIp.get().filter(HolePunch::isPublic);
        InetSocketAddress l = local;
        if (ip.isEmpty() || self == null || l == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no public address to punch from"));
        }
        byte[] key = relayed.relayedKey().orElseThrow();
        String peer = HexFormat.of().formatHex(key);
        Channel known = punchedTo.get(peer);
        if (known != null && known.isActive()) {
            outbound.accept(known);
            return CompletableFuture.completedFuture(known);
        }
        tried.incrementAndGet();
        return bindFresh(l).<Channel>thenCompose(ch -> {
            InetSocketAddress mine = new InetSocketAddress(ip.get(), ((InetSocketAddress) ch.localAddress()).getPort());
            CompletableFuture<byte[]> answered = ask.request(List.of(relayed), LinkTypes.PUNCH, encode(mine));
            return answered.<Channel>thenCompose(answer -> connect(ch, decode(answer), theirs -> {
                FramePipeline.installRelayed(ch.pipeline(), codec, inbound.idle());
                FramePipeline.installSecure(ch.pipeline(), SecureChannel.initiator(self, key), codec,
                        new OutboundRequests(theirs, counters));
            })).thenCompose(this::proven).whenComplete((direct, e) -> {
                if (e != null) {
                    ch.close();
                }
            });
        }).thenApply(ch -> {
            punched.incrementAndGet();
            punchedTo.put(peer, ch);
            ch.closeFuture().addListener(closed -> punchedTo.remove(peer, ch));
            LOG.info("punched a direct connection to {} ({}), which was reached through a relay",
                    ch.remoteAddress(), relayed);
            outbound.accept(ch);
            return ch;
        });
    }

    /** {@code ch} once the peer has proven its key on it; closed when it does not in time. */
    private CompletableFuture<Channel> proven(Channel ch) {
        SecureChannel secure = ch.pipeline().get(SecureChannel.class);
        if (secure == null) {
            ch.close();
            return CompletableFuture.failedFuture(new IllegalStateException("no inbound slot free"));
        }
        return secure.established()
                .orTimeout(ATTEMPT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((key, e) -> {
                    if (e != null) {
                        ch.close();
                    }
                }).thenApply(key -> ch);
    }

    /**
     * The dialled side: binds a fresh port, answers with it and connects from it towards the dialer's, {@link
     * #ANSWERER_DELAY} later; the connection serves the dialer's requests once the dialer has proven its key.
     */
    CompletableFuture<byte[]> onPunch(InetSocketAddress from, byte[] body) {
        InetSocketAddress theirs;
        try {
            theirs = decodeEndpoint(body);
        } catch (MalformedInputException e) {
            return CompletableFuture.failedFuture(e);
        }
        Signer self = identity.get();
        Optional<InetAddress> ip = publicIp.get().filter(HolePunch::isPublic);
        InetSocketAddress l = local;
        if (!enabled || ip.isEmpty() || self == null || l == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no public address to punch from"));
        }
        answered.incrementAndGet();
        return bindFresh(l).thenApply(ch -> {
            group.schedule(() -> connect(ch, theirs, t -> {
                if (inbound.admit(ch)) {
                    FramePipeline.installRelayed(ch.pipeline(), codec, inbound.idle());
                    inbound.installSecure(ch.pipeline(), self);
                }
            }).thenCompose(this::proven).whenComplete((direct, e) -> {
                if (e == null) {
                    answeredPunched.incrementAndGet();
                    LOG.info("punched a direct connection from {}", theirs);
                } else {
                    ch.close();
                    LOG.info("punching towards {} failed ({}); the relay stays", theirs, reason(e));
                }
            }), ANSWERER_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            return encode(new InetSocketAddress(ip.get(), ((InetSocketAddress) ch.localAddress()).getPort()));
        });
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null
                ? e.getCause() : e;
        return cause instanceof TimeoutException ? "the peer did not prove its key in time"
                : String.valueOf(cause.getMessage());
    }

    /**
     * A socket bound to a fresh port on the link's address, not yet connected: its port goes into the punch
     * message, and routers that keep source ports (most home routers) show it to the other side unchanged.
     */
    private CompletableFuture<Channel> bindFresh(InetSocketAddress listening) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        ChannelFuture registered = Outbound.bootstrap(group, ATTEMPT, ch -> { }).register();
        registered.addListener((ChannelFuture r) -> {
            if (!r.isSuccess()) {
                result.completeExceptionally(r.cause());
                return;
            }
            r.channel().bind(new InetSocketAddress(listening.getAddress(), 0)).addListener((ChannelFuture b) -> {
                if (b.isSuccess()) {
                    result.complete(b.channel());
                } else {
                    b.channel().close();
                    result.completeExceptionally(b.cause());
                }
            });
        });
        return result;
    }

    /**
     * Connects {@code ch} to {@code to} within {@link #ATTEMPT}; {@code install} sets up its pipeline the moment it
     * connects, before a byte is read.
     */
    private CompletableFuture<Channel> connect(Channel ch, InetSocketAddress to, Consumer<InetSocketAddress> install) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        ch.connect(to).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                install.accept(to);
                result.complete(f.channel());
            } else {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    static byte[] encode(InetSocketAddress endpoint) {
        return new WireWriter().text(PeerAddress.direct(endpoint).toString()).toBytes();
    }

    private static InetSocketAddress decode(byte[] body) {
        try {
            return decodeEndpoint(body);
        } catch (MalformedInputException e) {
            throw new CompletionException(e);
        }
    }

    /** The endpoint a {@code PUNCH} body names; refused unless it is an internet address with a port. */
    static InetSocketAddress decodeEndpoint(byte[] body) throws MalformedInputException {
        WireReader r = new WireReader(body);
        String text = r.text(MAX_ENDPOINT_BYTES, "endpoint");
        r.end();
        return PeerAddress.parse(text).filter(a -> !a.isRelayed()).map(PeerAddress::address)
                .filter(a -> PeerAddress.dialable(a) && !PeerAddress.thisMachineOrLink(a.getAddress()))
                .orElseThrow(() -> new MalformedInputException("not an endpoint to punch to: " + text));
    }

    /** A request to a peer by its addresses: the link's own. */
    @FunctionalInterface
    interface AskOver {
        CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body);
    }
}
