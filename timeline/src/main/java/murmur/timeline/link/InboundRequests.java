package murmur.timeline.link;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.transport.Framing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving end of one inbound connection: hands each request to the handler for its type on a worker thread and
 * writes back its answer, or an error frame with a reason.
 */
final class InboundRequests extends SimpleChannelInboundHandler<Frame> {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRequests.class);

    private final RequestHandlers handlers;
    private final Executor workers;
    private final LinkSettings settings;
    private final FrameCodec codec;
    private final LinkCounters counters;
    private final AtomicInteger pending = new AtomicInteger();

    InboundRequests(RequestHandlers handlers, Executor workers, LinkSettings settings, FrameCodec codec,
            LinkCounters counters) {
        this.handlers = handlers;
        this.workers = workers;
        this.settings = settings;
        this.codec = codec;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame request) {
        if (request.kind() != FrameKind.REQUEST) {
            ConnectionFaults.protocolViolation(ctx, request, counters);
            return;
        }
        RequestHandler handler = handlers.get(request.type());
        if (handler == null) {
            ctx.writeAndFlush(request.error("unknown message type " + request.type()));
            return;
        }
        pending.incrementAndGet();
        adjustReading(ctx);
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        answer(handler, remote, request)
                .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> {
                    int left = pending.decrementAndGet();
                    ctx.writeAndFlush(reply(request, answer, failure));
                    // Reading is held only at the limit, so only the answer that takes the count below it may have
                    // to resume it: one task on the event loop then, none for every other answer.
                    if (left == settings.maxPendingPerConnection() - 1) {
                        ctx.executor().execute(() -> adjustReading(ctx));
                    }
                });
    }

    /** Back-pressure: stops reading from a peer that has too many requests unanswered, until some are answered. */
    private void adjustReading(ChannelHandlerContext ctx) {
        Framing.holdReading(ctx.channel(), Framing.Hold.REQUESTS_PENDING,
                pending.get() >= settings.maxPendingPerConnection());
    }

    private CompletableFuture<byte[]> answer(RequestHandler handler, InetSocketAddress remote, Frame request) {
        try {
            return CompletableFuture.supplyAsync(() -> handler.handle(remote, request.body()), workers)
                    .thenCompose(answer -> answer == null ? CompletableFuture.completedFuture(null) : answer);
        } catch (RejectedExecutionException shuttingDown) {
            return CompletableFuture.failedFuture(shuttingDown);
        }
    }

    private Frame reply(Frame request, byte[] answer, Throwable failure) {
        if (failure != null) {
            String reason = HandlerFailures.describe(failure, settings.requestTimeout());
            LOG.debug("request type {} failed: {}", request.type(), reason);
            return request.error(reason);
        }
        if (answer == null) {
            return request.error("the handler answered nothing");
        }
        if (answer.length > codec.maxBodyBytes()) {
            LOG.warn("answer to request type {} of {} B exceeds the frame limit", request.type(), answer.length);
            return request.error("the answer is too large to send");
        }
        counters.served();
        return request.response(answer);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && pending.get() == 0) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionFaults.close(ctx, cause, counters);
    }
}
