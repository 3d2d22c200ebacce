package murmur.timeline.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import murmur.transport.Signer;
import murmur.transport.relay.RelayHandshake;
import murmur.transport.secure.SecureChannel;

/**
 * One outbound connection per peer address, opened on first use and shared by every request to that address until
 * it closes or idles out; the next request then opens a new one. A peer known by several addresses is dialled
 * "happy eyeballs" style (RFC 8305): the address that worked last time first, then, every {@link #RACE_DELAY} or
 * as soon as one fails, the next, in the order given; the first connection made wins and is remembered. A relayed
 * address connects to the relay, asks it for a circuit to the peer's key, and runs a secure channel over it that
 * the peer must answer with that key; only then does the connection count as made.
 */
final class ConnectionPool {
    static final Duration RACE_DELAY = Duration.ofMillis(250);
    private static final int REMEMBERED = 4096;

    private final EventLoopGroup group;
    private final LinkSettings settings;
    private final FrameCodec codec;
    private final LinkCounters counters;
    private final Supplier<Signer> identity;
    /** Told of every relayed connection once it is open, to try to replace it with a direct one. */
    private volatile Consumer<PeerAddress> onRelayed = p -> { };
    private final Map<PeerAddress, CompletableFuture<Channel>> connections = new ConcurrentHashMap<>();
    private final Map<List<PeerAddress>, PeerAddress> worked = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<PeerAddress>, PeerAddress> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** {@code identity}: the key this peer proves on relayed connections; null while it has none. */
    ConnectionPool(EventLoopGroup group, LinkSettings settings, FrameCodec codec, LinkCounters counters,
            Supplier<Signer> identity) {
        this.group = group;
        this.settings = settings;
        this.codec = codec;
        this.counters = counters;
        this.identity = identity;
    }

    /** An open connection to {@code peer}; fails with {@link LinkException.Kind#UNREACHABLE} if none can be made. */
    CompletableFuture<Channel> connection(PeerAddress peer) {
        CompletableFuture<Channel> fresh = new CompletableFuture<>();
        CompletableFuture<Channel> chosen = connections.compute(peer,
                (address, current) -> current == null || isDead(current) ? fresh : current);
        if (chosen == fresh) {
            connect(peer, fresh);
        }
        return chosen;
    }

    /**
     * An open connection to the peer reachable at any of {@code candidates} (best first): an open one if there is
     * one, else a race as described above. Fails with the last address's failure when none connects.
     */
    CompletableFuture<Channel> connection(List<PeerAddress> candidates) {
        if (candidates.isEmpty()) {
            return CompletableFuture.failedFuture(new LinkException(LinkException.Kind.UNREACHABLE,
                    "the peer published no address this peer can use"));
        }
        List<PeerAddress> order = order(candidates);
        for (PeerAddress a : order) {
            CompletableFuture<Channel> open = connections.get(a);
            if (open != null && open.isDone() && !isDead(open)) {
                return open;
            }
        }
        if (order.size() == 1) {
            return connection(order.get(0));
        }
        return new Race(candidates, order).start();
    }

    /** The address that worked last time first, the others in the order given. */
    List<PeerAddress> order(List<PeerAddress> candidates) {
        PeerAddress last = worked.get(candidates);
        if (last == null || last.equals(candidates.get(0))) {
            return candidates;
        }
        List<PeerAddress> order = new ArrayList<>(candidates.size());
        order.add(last);
        candidates.stream().filter(a -> !a.equals(last)).forEach(order::add);
        return order;
    }

    /** Runs {@code listener} for every relayed connection that opens. */
    void onRelayed(Consumer<PeerAddress> listener) {
        this.onRelayed = listener;
    }

    /**
     * Serves requests to {@code peer} over {@code direct} from now on (a punched connection); the relayed one
     * finishes what it carries and idles out.
     */
    void adopt(PeerAddress peer, Channel direct) {
        CompletableFuture<Channel> done = CompletableFuture.completedFuture(direct);
        connections.put(peer, done);
        direct.closeFuture().addListener(closed -> connections.remove(peer, done));
    }

    /** Closes every connection; requests waiting on them fail as closed. */
    void closeAll() {
        connections.values().forEach(c -> c.thenAccept(Channel::close));
    }

    private void connect(PeerAddress peer, CompletableFuture<Channel> result) {
        if (peer.isRelayed()) {
            connectRelayed(peer, result);
            return;
        }
        open(peer, result, ch -> FramePipeline.install(ch.pipeline(), codec, settings.idleTimeout(),
                new OutboundRequests(peer.address(), counters)), ch -> CompletableFuture.completedFuture(null));
    }

    private void connectRelayed(PeerAddress peer, CompletableFuture<Channel> result) {
        Signer self = identity.get();
        if (self == null) {
            result.completeExceptionally(new LinkException(LinkException.Kind.UNREACHABLE,
                    "cannot dial " + peer + ": this peer has no key to prove on relayed connections yet"));
            return;
        }
        byte[] key = peer.relayedKey().orElseThrow();
        // Held here, not looked up in the pipeline later: a refused circuit closes the channel, and a closed
        // channel's pipeline is empty, which must not read as "no handshake needed".
        SecureChannel secure = SecureChannel.initiator(self, key);
        RelayHandshake handshake = RelayHandshake.dial(key, p -> FramePipeline.installSecure(p, secure, codec,
                new OutboundRequests(peer.address(), counters)));
        // Connected only once the peer has proven its key: a relay faking the circuit must not win the race.
        open(peer, result, ch -> {
            FramePipeline.installRelayed(ch.pipeline(), codec, settings.idleTimeout());
            ch.pipeline().addLast(handshake);
        }, ch -> handshake.open().thenCompose(v -> secure.established()).thenApply(k -> null));
    }

    /**
     * Connects to {@code peer}'s address with the handlers {@code init} adds; the connection counts as made once
     * {@code ready} completes (at once for a direct one; when the circuit opens for a relayed one), within the
     * request timeout.
     */
    private void open(PeerAddress peer, CompletableFuture<Channel> result, Consumer<SocketChannel> init,
            Function<Channel, CompletableFuture<Void>> ready) {
        Outbound.bootstrap(group, settings.requestTimeout(), init)
                .connect(peer.address())
                .addListener((ChannelFuture connected) -> {
                    if (!connected.isSuccess()) {
                        fail(peer, result, connected.cause().getMessage());
                        return;
                    }
                    Channel ch = connected.channel();
                    ch.closeFuture().addListener(closed -> connections.remove(peer, result));
                    ready.apply(ch).orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .whenComplete((v, failure) -> {
                                if (failure == null && !ch.isActive()) {
                                    // It closed before this ran (a busy machine): say so, not "connected".
                                    fail(peer, result, "the connection closed as it opened");
                                } else if (failure == null) {
                                    result.complete(ch);
                                    if (peer.isRelayed()) {
                                        onRelayed.accept(peer);
                                    }
                                } else {
                                    ch.close();
                                    fail(peer, result, failure instanceof TimeoutException
                                            ? "the relay did not open a circuit in time" : failure.getMessage());
                                }
                            });
                });
    }

    private void fail(PeerAddress peer, CompletableFuture<Channel> result, String why) {
        connections.remove(peer, result);
        result.completeExceptionally(new LinkException(LinkException.Kind.UNREACHABLE,
                "cannot connect to " + peer + ": " + why));
    }

    private static boolean isDead(CompletableFuture<Channel> connection) {
        return connection.isCompletedExceptionally() || connection.isDone() && !connection.join().isActive();
    }

    /** One happy-eyeballs dial: attempts start in order, each {@link #RACE_DELAY} after the last or on its failure. */
    private final class Race {
        private final List<PeerAddress> key;
        private final List<PeerAddress> order;
        private final CompletableFuture<Channel> winner = new CompletableFuture<>();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicBoolean won = new AtomicBoolean();

        Race(List<PeerAddress> key, List<PeerAddress> order) {
            this.key = key;
            this.order = order;
        }

        CompletableFuture<Channel> start() {
            next();
            return winner;
        }

        private void next() {
            int i = started.getAndIncrement();
            if (i >= order.size() || winner.isDone()) {
                return;
            }
            PeerAddress to = order.get(i);
            if (i + 1 < order.size()) {
                try {
                    group.schedule(this::next, RACE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException shuttingDown) {
                    // The attempt below fails the same way and ends the race.
                }
            }
            connection(to).whenComplete((channel, failure) -> {
                if (channel != null) {
                    if (won.compareAndSet(false, true)) {
                        worked.put(key, to);
                        winner.complete(channel);
                    }
                } else if (failed.incrementAndGet() == order.size()) {
                    winner.completeExceptionally(failure);
                } else {
                    next();
                }
            });
        }
    }
}
