package murmur.timeline.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The asking end of one outbound connection: matches answers to waiting requests by id. */
final class OutboundRequests extends SimpleChannelInboundHandler<Frame> {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRequests.class);

    private final InetSocketAddress peer;
    private final LinkCounters counters;
    private final Map<Long, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();

    OutboundRequests(InetSocketAddress peer, LinkCounters counters) {
        this.peer = peer;
        this.counters = counters;
    }

    /** Sends {@code request} on {@code channel}; {@code answer} completes with the response or a failure. */
    void send(Channel channel, Frame request, CompletableFuture<byte[]> answer) {
        waiting.put(request.id(), answer);
        answer.whenComplete((body, failure) -> waiting.remove(request.id(), answer));
        channel.writeAndFlush(request).addListener((ChannelFuture written) -> {
            if (!written.isSuccess()) {
                answer.completeExceptionally(closed());
            }
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        if (frame.kind() == FrameKind.REQUEST) {
            ConnectionFaults.protocolViolation(ctx, frame, counters);
            return;
        }
        CompletableFuture<byte[]> answer = waiting.remove(frame.id());
        if (answer == null) {
            counters.dropped();
            LOG.debug("dropping {} from {}: no request waits for it", frame, peer);
        } else if (frame.kind() == FrameKind.RESPONSE) {
            answer.complete(frame.body());
        } else {
            answer.completeExceptionally(new LinkException(LinkException.Kind.REMOTE_ERROR, frame.errorText()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.values().forEach(answer -> answer.completeExceptionally(closed()));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && waiting.isEmpty()) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionFaults.close(ctx, cause, counters);
    }

    private LinkException closed() {
        return new LinkException(LinkException.Kind.CLOSED, "the connection to " + peer + " closed");
    }
}
