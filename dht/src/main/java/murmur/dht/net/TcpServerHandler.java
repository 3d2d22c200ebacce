package murmur.dht.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;

/**
 * Answers requests that arrive over TCP; anything else closes the connection, and so does a connection idle for
 * the framing's idle time ({@code tcp_idle} if no whole request came). A connection that closes before sending one
 * whole request, and was not refused for something else, counts as {@code tcp_no_request}.
 */
final class TcpServerHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private final InboundDispatcher dispatcher;
    private final NettyTransport transport;
    private final MessageCodec codec;
    private boolean accounted;

    TcpServerHandler(InboundDispatcher dispatcher, NettyTransport transport, MessageCodec codec) {
        this.dispatcher = dispatcher;
        this.transport = transport;
        this.codec = codec;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        InetSocketAddress from = remote(ctx);
        accounted = true;
        Packet packet;
        try {
            packet = codec.decode(ByteBufUtil.getBytes(frame));
        } catch (MalformedInputException e) {
            dispatcher.rejected(from, "TCP", "malformed_tcp", e);
            ctx.close();
            return;
        }
        if (!packet.body().isRequest()) {
            dispatcher.rejected(from, "TCP", "malformed_tcp",
                    new MalformedInputException("an answer where a request belongs"));
            ctx.close();
            return;
        }
        dispatcher.handle(from, packet).thenAccept(answer -> ctx.writeAndFlush(
                Unpooled.wrappedBuffer(transport.encodeAnswer(packet.requestId(), answer, from, false))));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!accounted) {
            accounted = true;
            dispatcher.rejected(remote(ctx), "TCP", reason(cause), cause);
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (!(event instanceof IdleStateEvent)) {
            super.userEventTriggered(ctx, event);
            return;
        }
        if (!accounted) {
            accounted = true;
            dispatcher.rejected(remote(ctx), "TCP", "tcp_idle",
                    new MalformedInputException("connection idle before a whole request arrived"));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!accounted) {
            accounted = true;
            dispatcher.rejected(remote(ctx), "TCP", "tcp_no_request",
                    new MalformedInputException("connection closed before a whole request arrived"));
        }
        super.channelInactive(ctx);
    }

    private static InetSocketAddress remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
    }

    private static String reason(Throwable cause) {
        return cause instanceof TooLongFrameException ? "tcp_oversized" : "tcp_error";
    }
}
