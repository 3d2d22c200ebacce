package murmur.timeline.testing;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.Network;
import murmur.dht.rpc.RpcTimeoutException;
import murmur.dht.rpc.Scheduler;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DHT network in memory and in real time, for whole timeline peers: every node is an endpoint at a made-up
 * loopback address ({@link LoopbackAddresses}); requests and answers are handed over as objects, with the envelope
 * sockets would give them (request id, sender key and port, and in answers the requester's address as observed), on
 * a small pool of daemon threads that also runs the nodes' timers. Unlike dht's {@code SimNetwork} (one thread,
 * virtual time, driven by the test) it runs on its own, beside the timeline's executors and futures.
 *
 * <p>A request to an address no endpoint is bound at, from or to a closed endpoint, or whose handler fails, fails
 * at once with {@link RpcTimeoutException}: the silence a socket would meet, without waiting it out. One whose
 * answer does not come within the timeout fails then. Close the network after its nodes have stopped.
 */
public final class MemoryNetwork implements Network, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryNetwork.class);
    private static final int THREADS = 2;

    private final LoopbackAddresses addresses;
    private final Duration requestTimeout;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(THREADS,
            Daemons.named("memory-dht"));
    private final Map<InetSocketAddress, MemoryEndpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    /** @param requestTimeout how long a request waits for its answer, as {@code dht.requestTimeout} */
    public MemoryNetwork(LoopbackAddresses addresses, Duration requestTimeout) {
        this.addresses = addresses;
        this.requestTimeout = requestTimeout;
    }

    /** Binds {@code requested}, a loopback address (port 0: a made-up free one); fails when it is taken. */
    @Override
    public CompletableFuture<Transport> bind(InetSocketAddress requested, byte[] nodeKey, InboundHandler handler) {
        try {
            InetSocketAddress at = addresses.claim(requested);
            MemoryEndpoint endpoint = new MemoryEndpoint(this, at, nodeKey, handler);
            endpoints.put(at, endpoint);
            return CompletableFuture.completedFuture(endpoint);
        } catch (BindException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    void unbind(MemoryEndpoint endpoint) {
        endpoints.remove(endpoint.localAddress(), endpoint);
        addresses.release(endpoint.localAddress());
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** Hands {@code request} to the endpoint at {@code to}; the answer completes on this network's threads. */
    CompletableFuture<Packet> send(MemoryEndpoint from, InetSocketAddress to, Message request, Duration timeout) {
        CompletableFuture<Packet> answer = new CompletableFuture<>();
        from.track(answer);
        long id = requestIds.incrementAndGet();
        Packet packet = new Packet(id, from.nodeKey(), from.senderPort(), request);
        ScheduledFuture<?> deadline;
        try {
            deadline = threads.schedule(() -> answer.completeExceptionally(new RpcTimeoutException(to, "no answer")),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            threads.execute(() -> deliver(from, to, packet, answer));
        } catch (RejectedExecutionException closed) {
            answer.completeExceptionally(new RpcTimeoutException(to, "shutting down"));
            return answer;
        }
        answer.whenComplete((p, e) -> deadline.cancel(false));
        return answer;
    }

    private void deliver(MemoryEndpoint from, InetSocketAddress to, Packet packet, CompletableFuture<Packet> answer) {
        MemoryEndpoint target = endpoints.get(to);
        if (target == null || !target.isOpen()) {
            answer.completeExceptionally(new RpcTimeoutException(to, "no answer (nobody there)"));
            return;
        }
        CompletableFuture<Message> reply;
        try {
            reply = target.handler().handle(from.localAddress(), packet);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((body, failure) -> {
            if (failure != null || body == null) {
                answer.completeExceptionally(new RpcTimeoutException(to, "no answer (the handler failed)"));
                return;
            }
            Packet back = new Packet(packet.requestId(), target.nodeKey(), to.getPort(), body, from.localAddress());
            run(() -> answer.complete(back), () -> answer.completeExceptionally(
                    new RpcTimeoutException(to, "shutting down")));
        });
    }

    /** Runs {@code task} on this network's threads, or {@code instead} here when they have stopped. */
    private void run(Runnable task, Runnable instead) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException closed) {
            instead.run();
        }
    }

    /** Real time: the nodes' timers run on this network's threads. */
    @Override
    public Scheduler scheduler() {
        return new Scheduler() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                try {
                    ScheduledFuture<?> f = threads.schedule(() -> logFailure(task), delay.toNanos(),
                            TimeUnit.NANOSECONDS);
                    return () -> f.cancel(false);
                } catch (RejectedExecutionException shuttingDown) {
                    return () -> { };
                }
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }

    private static void logFailure(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("a DHT task failed", e);
        }
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Stops the threads. Call it after the nodes have stopped: closing an endpoint fails what it still waits for. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
