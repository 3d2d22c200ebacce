package murmur.timeline.link;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import murmur.transport.Signer;

/**
 * The asking side of a {@link PeerLink}: numbers each request, sends it over the pooled connection, and makes sure
 * every request ends — answered, failed, timed out or refused at shutdown — with the outcome delivered on a worker
 * thread so that callers' stages never hold up an I/O thread.
 */
final class Requester {
    private final EventLoopGroup group;
    private final Executor workers;
    private final LinkSettings settings;
    private final FrameCodec codec;
    private final ConnectionPool pool;
    private final AtomicLong ids = new AtomicLong();
    private final Set<CompletableFuture<byte[]>> outstanding = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** The pool this requester sends over. */
    ConnectionPool pool() {
        return pool;
    }

    Requester(EventLoopGroup group, Executor workers, LinkSettings settings, FrameCodec codec, LinkCounters counters,
            Supplier<Signer> identity) {
        this.group = group;
        this.workers = workers;
        this.settings = settings;
        this.codec = codec;
        this.pool = new ConnectionPool(group, settings, codec, counters, identity);
    }

    CompletableFuture<byte[]> request(InetSocketAddress to, int type, byte[] body) {
        return request(List.of(PeerAddress.direct(to)), type, body);
    }

    /** Like {@link #request(InetSocketAddress, int, byte[])} to a peer reachable at any of {@code to}, best first. */
    CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body) {
        Frame frame = Frame.request(type, ids.incrementAndGet(), body);
        if (body.length > codec.maxBodyBytes()) {
            return CompletableFuture.failedFuture(new LinkException(LinkException.Kind.TOO_LARGE,
                    "a body of " + body.length + " B exceeds the limit of " + codec.maxBodyBytes() + " B"));
        }
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        try {
            if (stopped) {
                throw new RejectedExecutionException("the link is closed");
            }
            ScheduledFuture<?> deadline = group.schedule(() -> answer.completeExceptionally(timeout(to)),
                    settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            answer.whenComplete((ignored, failure) -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(shutDown());
        }
        track(answer);
        pool.connection(to).whenComplete((channel, failure) -> {
            OutboundRequests requests = channel == null ? null : channel.pipeline().get(OutboundRequests.class);
            if (requests != null) {
                requests.send(channel, frame, answer);
            } else {
                answer.completeExceptionally(failure != null ? failure
                        : new LinkException(LinkException.Kind.CLOSED, "the connection to " + describe(to)
                                + " closed"));
            }
        });
        return onWorker(answer);
    }

    /** Closes the pooled connections and fails every request still waiting. */
    void stop() {
        stopped = true;
        pool.closeAll();
        outstanding.forEach(answer -> answer.completeExceptionally(shutDown()));
    }

    private void track(CompletableFuture<byte[]> answer) {
        outstanding.add(answer);
        answer.whenComplete((body, failure) -> outstanding.remove(answer));
        if (stopped) {
            answer.completeExceptionally(shutDown());
        }
    }

    private CompletableFuture<byte[]> onWorker(CompletableFuture<byte[]> answer) {
        CompletableFuture<byte[]> delivered = new CompletableFuture<>();
        answer.whenComplete((body, failure) -> runOnWorker(() -> {
            if (failure == null) {
                delivered.complete(body);
            } else {
                delivered.completeExceptionally(failure);
            }
        }));
        return delivered;
    }

    /** Runs on a worker, or right here once the workers have stopped, so every caller hears back. */
    private void runOnWorker(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException workersStopped) {
            task.run();
        }
    }

    private LinkException timeout(List<PeerAddress> to) {
        return new LinkException(LinkException.Kind.TIMEOUT,
                "no answer from " + describe(to) + " within " + settings.requestTimeout().toMillis() + " ms");
    }

    private static String describe(List<PeerAddress> to) {
        return to.size() == 1 ? to.get(0).toString() : to.toString();
    }

    private static LinkException shutDown() {
        return new LinkException(LinkException.Kind.SHUT_DOWN, "the link is closed");
    }
}
