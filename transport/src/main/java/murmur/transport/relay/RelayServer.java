package murmur.transport.relay;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import murmur.transport.Framing;
import murmur.transport.TokenBucket;

/**
 * A relay: takes reservations from peers that nobody can dial and opens circuits to them for anyone who asks,
 * within {@link RelayLimits}, counting what it does in {@link #counters()}. One instance per listening socket; its
 * bookkeeping is guarded by the instance's lock, taken briefly by every connection's event loop.
 */
public final class RelayServer {
    /** The largest control message is about 100 B: connections are held to this until their circuit opens. */
    static final int CONTROL_FRAME_BYTES = 1024;
    /** Circuits one dialing address may hold to one peer. */
    static final int CIRCUITS_PER_DIALER_AND_PEER = 4;
    private static final int MAX_RATE_ENTRIES = 65_536;
    private final RelayLimits limits;
    private final RelayCounters counters = new RelayCounters();
    private final LongSupplier nanos;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<InetAddress, Integer> connectionsPerIp = new HashMap<>();
    /** Kept after an address's last connection closes, so that reconnecting does not refill its bucket. */
    private final Map<InetAddress, TokenBucket> circuitRates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, TokenBucket> eldest) {
            return size() > MAX_RATE_ENTRIES;
        }
    };
    /** Circuits (open or waiting) per dialing address and target, so one dialer cannot take a peer's every slot. */
    private final Map<String, Integer> circuitsByDialer = new HashMap<>();
    private int connections;
    private int circuits;
    private volatile Channel server;

    RelayServer(RelayLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** Listens on {@code bind} (port 0: any free port) with the group's event loops. */
    public static CompletableFuture<RelayServer> start(EventLoopGroup group, InetSocketAddress bind,
            RelayLimits limits) {
        RelayServer relay = new RelayServer(limits, System::nanoTime);
        CompletableFuture<RelayServer> bound = new CompletableFuture<>();
        new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        relay.install(ch);
                    }
                })
                .bind(bind).addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        relay.server = f.channel();
                        bound.complete(relay);
                    } else {
                        bound.completeExceptionally(f.cause());
                    }
                });
        return bound;
    }

    /** The handlers of one relay connection; {@link #start} uses it, and tests on embedded channels. */
    void install(Channel ch) {
        Framing.install(ch.pipeline(), CONTROL_FRAME_BYTES, limits.idleTimeout());
        ch.pipeline().addLast(new RelayConnection(this));
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    public RelayCounters counters() {
        return counters;
    }

    public RelayLimits limits() {
        return limits;
    }

    public synchronized int reservations() {
        return reservations.size();
    }

    public synchronized int circuits() {
        return circuits;
    }

    /** Stops listening; open connections close with the event loops. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Channel s = server;
        if (s == null || !s.isOpen() || s.eventLoop().isShuttingDown()) {
            done.complete(null);
        } else {
            s.close().addListener(f -> done.complete(null));
        }
        return done;
    }

    byte[] nonce() {
        byte[] n = new byte[RelayCodec.NONCE_BYTES];
        random.nextBytes(n);
        return n;
    }

    /** A new connection from {@code ip}: false when it is one too many. */
    synchronized boolean admit(InetAddress ip) {
        int fromIp = connectionsPerIp.getOrDefault(ip, 0);
        if (fromIp >= limits.maxConnectionsPerIp() || connections >= limits.maxConnections()) {
            return false;
        }
        connectionsPerIp.put(ip, fromIp + 1);
        connections++;
        return true;
    }

    synchronized void left(InetAddress ip) {
        int fromIp = connectionsPerIp.getOrDefault(ip, 0) - 1;
        if (fromIp <= 0) {
            connectionsPerIp.remove(ip);
        } else {
            connectionsPerIp.put(ip, fromIp);
        }
        connections--;
    }

    /** Takes {@code key}'s reservation for {@code control} (replacing an older one); empty, or why not. */
    synchronized Optional<String> reserve(byte[] key, RelayConnection control) {
        String id = HexFormat.of().formatHex(key);
        Reservation old = reservations.get(id);
        if (old == null && reservations.size() >= limits.maxReservations()) {
            return Optional.of("this relay is full");
        }
        Reservation r = new Reservation(id, control,
                new TokenBucket(limits.bytesPerSecondPerPeer(), limits.bytesPerSecondPerPeer(), nanos));
        reservations.put(id, r);
        control.reservation = r;
        if (old != null) {
            old.control.replaced();
        } else {
            counters.add("reservations", 1);
        }
        return Optional.empty();
    }

    synchronized void reservationClosed(Reservation r) {
        if (reservations.get(r.id) == r) {
            reservations.remove(r.id);
            counters.add("reservations", -1);
        }
    }

    synchronized boolean circuitAllowed(InetAddress ip) {
        return circuitRates.computeIfAbsent(ip, k -> new TokenBucket(limits.circuitsPerSecondPerIp(),
                2 * limits.circuitsPerSecondPerIp(), nanos)).tryTake();
    }

    /** A dialer's request for a circuit to {@code target}: the circuit id, or why not (as a counter reason). */
    synchronized Refusal orCircuit(byte[] target, InetAddress from, RelayConnection dialer) {
        Reservation r = reservations.get(HexFormat.of().formatHex(target));
        if (r == null) {
            return new Refusal("unknown_peer", "no peer with that key is reserved here", 0);
        }
        String pair = from.getHostAddress() + "/" + r.id;
        if (circuitsByDialer.getOrDefault(pair, 0) >= CIRCUITS_PER_DIALER_AND_PEER) {
            return new Refusal("dialer_circuits", "you hold as many circuits to that peer as one address may", 0);
        }
        if (r.circuits >= limits.maxCircuitsPerPeer()) {
            return new Refusal("peer_circuits", "that peer has as many circuits as it may", 0);
        }
        if (circuits + pending.size() >= limits.maxCircuits()) {
            return new Refusal("circuits", "this relay has as many circuits as it may", 0);
        }
        long id = random.nextLong();
        pending.put(id, new Pending(id, dialer, r, pair));
        circuitsByDialer.merge(pair, 1, Integer::sum);
        r.circuits++;
        r.control.incoming(id);
        dialer.channel().eventLoop().schedule(() -> expire(id), limits.acceptTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return new Refusal(null, null, id);
    }

    private void expire(long id) {
        Pending p;
        synchronized (this) {
            p = pending.remove(id);
            if (p != null) {
                p.reservation.circuits--;
                release(p.pair);
            }
        }
        if (p != null) {
            p.dialer.refuse("accept_timeout", "the relayed peer did not take the circuit in time");
        }
    }

    /** The relayed peer takes circuit {@code id} on {@code acceptor}: false when there is no such circuit. */
    boolean accept(long id, RelayConnection acceptor) {
        Pending p;
        synchronized (this) {
            p = pending.remove(id);
            if (p == null) {
                return false;
            }
            circuits++;
        }
        counters.add("circuits", 1);
        counters.add("circuits_opened", 1);
        Circuit circuit = new Circuit(p.reservation, p.pair);
        acceptor.openCircuit(p.dialer, circuit);
        p.dialer.channel().eventLoop().execute(() -> p.dialer.openCircuit(acceptor, circuit));
        return true;
    }

    /** Either end of {@code c} closed; counts it once. */
    void circuitClosed(Circuit c) {
        if (!c.closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            circuits--;
            c.reservation.circuits--;
            release(c.pair);
        }
        counters.add("circuits", -1);
    }

    private void release(String pair) {
        circuitsByDialer.computeIfPresent(pair, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Counts {@code bytes} relayed for {@code r}: false when that is past its total, so the circuit is cut. */
    boolean charge(Reservation r, long bytes) {
        counters.add("bytes_relayed", bytes);
        synchronized (this) {
            r.bytes += bytes;
            return r.bytes <= limits.maxBytesPerPeer();
        }
    }

    /** Nanoseconds until {@code r} may send again after {@code bytes}; 0 when it is within its rate. */
    synchronized long pace(Reservation r, long bytes) {
        return r.rate.take(bytes);
    }

    /** One relayed peer's reservation; fields guarded by the server's lock. */
    static final class Reservation {
        final String id;
        final RelayConnection control;
        final TokenBucket rate;
        int circuits;
        long bytes;

        Reservation(String id, RelayConnection control, TokenBucket rate) {
            this.id = id;
            this.control = control;
            this.rate = rate;
        }
    }

    /** An open circuit, shared by its two ends. */
    static final class Circuit {
        final Reservation reservation;
        final String pair;
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean cut = new AtomicBoolean();

        Circuit(Reservation reservation, String pair) {
            this.reservation = reservation;
            this.pair = pair;
        }
    }

    /** A circuit waiting for the relayed peer to accept it. */
    private record Pending(long id, RelayConnection dialer, Reservation reservation, String pair) {}

    /** A circuit id, or a refusal: {@code reason} (for the counter) and {@code words} (for the dialer). */
    record Refusal(String reason, String words, long circuit) {}
}
