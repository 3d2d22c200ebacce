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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One outbound connection per peer address, opened on first use and shared by every request to that address until
 * it closes or idles out; the next request then opens a new one. A peer known by several addresses is dialled
 * "happy eyeballs" style (RFC 8305): the address that worked last time first, then, every {@link #RACE_DELAY} or
 * as soon as one fails, the next, in the order given; the first connection made wins and is remembered.
 */
final class ConnectionPool {
    static final Duration RACE_DELAY = Duration.ofMillis(250);
    private static final int REMEMBERED = 4096;

    private final EventLoopGroup group;
    private final LinkSettings settings;
    private final FrameCodec codec;
    private final LinkCounters counters;
    private final Map<InetSocketAddress, CompletableFuture<Channel>> connections = new ConcurrentHashMap<>();
    private final Map<List<InetSocketAddress>, InetSocketAddress> worked = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<InetSocketAddress>, InetSocketAddress> eldest) {
                    return size() > REMEMBERED;
                }
            });

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

    /**
     * An open connection to the peer reachable at any of {@code candidates} (best first): an open one if there is
     * one, else a race as described above. Fails with the last address's failure when none connects.
     */
    CompletableFuture<Channel> connection(List<InetSocketAddress> candidates) {
        if (candidates.isEmpty()) {
            return CompletableFuture.failedFuture(new LinkException(LinkException.Kind.UNREACHABLE,
                    "the peer published no address this peer can use"));
        }
        List<InetSocketAddress> order = order(candidates);
        for (InetSocketAddress a : order) {
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
    List<InetSocketAddress> order(List<InetSocketAddress> candidates) {
        InetSocketAddress last = worked.get(candidates);
        if (last == null || last.equals(candidates.get(0))) {
            return candidates;
        }
        List<InetSocketAddress> order = new ArrayList<>(candidates.size());
        order.add(last);
        candidates.stream().filter(a -> !a.equals(last)).forEach(order::add);
        return order;
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

    /** One happy-eyeballs dial: attempts start in order, each {@link #RACE_DELAY} after the last or on its failure. */
    private final class Race {
        private final List<InetSocketAddress> key;
        private final List<InetSocketAddress> order;
        private final CompletableFuture<Channel> winner = new CompletableFuture<>();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicBoolean won = new AtomicBoolean();

        Race(List<InetSocketAddress> key, List<InetSocketAddress> order) {
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
            InetSocketAddress to = order.get(i);
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
