package murmur.dht.net;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands decoded requests to the node and keeps hostile input from hurting it: sources over their rate ({@link
 * SourceLimits}) are refused, a handler failure yields no answer rather than a dead channel, and rejected input is
 * counted and logged at most every ten seconds.
 */
final class InboundDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    /** What a source over its rate is told. */
    static final String RATE_LIMITED = "rate limited: too many requests from this address; slow down";

    private final InboundHandler handler;
    private final SourceLimits limits;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    InboundDispatcher(InboundHandler handler, SourceLimits limits) {
        this.handler = handler;
        this.limits = limits;
    }

    /**
     * The answer, or a future that never completes normally when the handler failed. A source over its rate gets
     * "rate limited" without the handler seeing its request.
     */
    CompletableFuture<Message> handle(InetSocketAddress from, Packet request) {
        if (!limits.allow(from == null ? null : from.getAddress(), request.body())) {
            handler.refused(from, "rate_limited");
            return CompletableFuture.completedFuture(new Message.ErrorReply(RATE_LIMITED));
        }
        try {
            return handler.handle(from, request).exceptionally(failure -> {
                LOG.debug("request from {} failed: {}", from, failure.toString());
                handler.refused(from, "handler_failed");
                return null;
            }).thenCompose(answer -> answer == null
                    ? new CompletableFuture<>() : CompletableFuture.completedFuture(answer));
        } catch (RuntimeException e) {
            LOG.warn("handler threw on a request from {}", from, e);
            handler.refused(from, "handler_failed");
            return new CompletableFuture<>();
        }
    }

    /** Counts and logs dropped input; {@code reason} is one of {@code DhtObserver#refused}'s. */
    void rejected(InetSocketAddress from, String transport, String reason, Throwable why) {
        long count = rejected.incrementAndGet();
        handler.refused(from, reason);
        LOG.debug("dropped {} input from {}: {}", transport, from, why.getMessage());
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn("dropped malformed {} input from {} ({}); {} rejected so far", transport, from, why.getMessage(),
                    count);
        }
    }

    /** An accepted TCP connection was closed at once: the node, or its address, held its share already. */
    void refusedConnection(InetSocketAddress from) {
        LOG.debug("closed a TCP connection from {}: over the connection caps", from);
        handler.refused(from, "tcp_over_cap");
    }

    /** A large UDP answer to an address not validated went out as "use TCP" instead. */
    void unvalidated(InetSocketAddress to) {
        LOG.debug("told {} to ask again over TCP: a large answer to an address not validated", to);
        handler.refused(to, "unvalidated_udp_answer");
    }

    void unsolicited(InetSocketAddress from) {
        LOG.debug("dropped an answer from {} that matches no request", from);
        handler.refused(from, "unsolicited_answer");
    }

    long rejectedCount() {
        return rejected.get();
    }
}
