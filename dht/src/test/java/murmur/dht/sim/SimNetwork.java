package murmur.dht.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.Network;
import murmur.dht.rpc.RpcTimeoutException;
import murmur.dht.rpc.Scheduler;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;

/**
 * A deterministic in-memory network: one thread, virtual time, seeded latencies. Messages are handed over as
 * objects; a message to a dead or unknown node fails after the request timeout. Run it with
 * {@link #runFor(Duration)} or {@link #await(CompletableFuture)}; nodes schedule periodic work, so the queue never
 * runs dry on its own.
 */
public final class SimNetwork implements Network {
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<InetSocketAddress, SimEndpoint> endpoints = new HashMap<>();
    private final Random random;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final Duration timeout;
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private long sequence;
    private long delivered;
    private final Map<Class<?>, Long> requestsByType = new HashMap<>();
    private int nextHost = 1;

    public SimNetwork(long seed, Duration minLatency, Duration maxLatency, Duration timeout) {
        this.random = new Random(seed);
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Transport> bind(InetSocketAddress requested, byte[] nodeKey, InboundHandler handler) {
        int host = nextHost++;
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, (byte) (host >>> 16),
                (byte) (host >>> 8), (byte) host}), 4000);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        SimEndpoint endpoint = new SimEndpoint(this, address, nodeKey, handler);
        endpoints.put(address, endpoint);
        return CompletableFuture.completedFuture(endpoint);
    }

    /** Makes a node unreachable, as if its process died. */
    public void kill(InetSocketAddress address) {
        SimEndpoint e = endpoints.get(address);
        if (e != null) {
            e.alive = false;
        }
    }

    CompletableFuture<Packet> send(SimEndpoint from, InetSocketAddress to, Message request) {
        CompletableFuture<Packet> answer = new CompletableFuture<>();
        SimEndpoint target = endpoints.get(to);
        if (target == null || !target.alive) {
            after(timeout, () -> answer.completeExceptionally(new RpcTimeoutException(to, "no answer")));
            return answer;
        }
        requestsByType.merge(request.getClass(), 1L, Long::sum);
        long id = random.nextLong();
        Packet packet = new Packet(id, from.nodeKey, from.clientOnly ? 0 : from.address.getPort(), request);
        after(latency(), () -> {
            if (!target.alive) {
                after(timeout, () -> answer.completeExceptionally(new RpcTimeoutException(to, "no answer")));
                return;
            }
            delivered++;
            target.handler.handle(from.address, packet).whenComplete((reply, failure) -> {
                if (failure != null) {
                    after(timeout, () -> answer.completeExceptionally(new RpcTimeoutException(to, "no answer")));
                    return;
                }
                after(latency(), () -> {
                    delivered++;
                    answer.complete(new Packet(id, target.nodeKey, to.getPort(), reply, from.address));
                });
            });
        });
        return answer;
    }

    private Duration latency() {
        long span = maxLatency.toNanos() - minLatency.toNanos();
        return minLatency.plusNanos(span <= 0 ? 0 : (long) (random.nextDouble() * span));
    }

    Scheduler.Cancellable after(Duration delay, Runnable task) {
        Event e = new Event(clock.nanos + delay.toNanos(), sequence++, task);
        events.add(e);
        return () -> e.cancelled = true;
    }

    /** Runs events until none are left, or virtual time passes {@code limit}. */
    public void runFor(Duration limit) {
        long end = clock.nanos + limit.toNanos();
        while (!events.isEmpty() && events.peek().at <= end) {
            step();
        }
        clock.nanos = Math.max(clock.nanos, end);
    }

    /** Runs events until {@code future} completes; fails if the network goes idle first. */
    public <T> T await(CompletableFuture<T> future) {
        while (!future.isDone()) {
            if (events.isEmpty()) {
                throw new IllegalStateException("simulation went idle before the operation completed");
            }
            step();
        }
        return future.join();
    }

    private void step() {
        Event e = events.poll();
        clock.nanos = Math.max(clock.nanos, e.at);
        if (!e.cancelled) {
            e.task.run();
        }
    }

    public long messagesDelivered() {
        return delivered;
    }

    /** Requests of this type sent so far, to live nodes or not. */
    public long requestsSent(Class<? extends Message> type) {
        return requestsByType.getOrDefault(type, 0L);
    }

    @Override
    public Scheduler scheduler() {
        return new Scheduler() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return after(delay, task);
            }

            @Override
            public long nanoTime() {
                return clock.nanos;
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Work runs as an event of this thread, in virtual time taking none. */
    @Override
    public Executor workers() {
        return task -> after(Duration.ZERO, task);
    }

    private static final class Event implements Comparable<Event> {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Event(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    /** Virtual time: starts at a fixed instant and moves only as events run. */
    private static final class VirtualClock extends Clock {
        private final Instant origin;
        long nanos;

        VirtualClock(Instant origin) {
            this.origin = origin;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("virtual clock is UTC");
        }

        @Override
        public Instant instant() {
            return origin.plusNanos(nanos);
        }
    }
}
