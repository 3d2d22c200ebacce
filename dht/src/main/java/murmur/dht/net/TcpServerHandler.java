package murmur.dht.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import murmur.dht.wire.MalformedMessageException;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;

/** Answers requests that arrive over TCP; anything else closes the connection. */
final class TcpServerHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private final InboundDispatcher dispatcher;
    private final NettyTransport transport;
    private final MessageCodec codec;

    TcpServerHandler(InboundDispatcher dispatcher, NettyTransport transport, MessageCodec codec) {
        this.dispatcher = dispatcher;
        this.transport = transport;
        this.codec = codec;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        InetSocketAddress from = (InetSocketAddress) ctx.channel().remoteAddress();
        Packet packet;
        try {
            packet = codec.decode(ByteBufUtil.getBytes(frame));
        } catch (MalformedMessageException e) {
            dispatcher.rejected(from, "TCP", e);
            ctx.close();
            return;
        }
        if (!packet.body().isRequest()) {
            dispatcher.rejected(from, "TCP", new MalformedMessageException("an answer where a request belongs"));
            ctx.close();
            return;
        }
        dispatcher.handle(from, packet).thenAccept(answer ->
                ctx.writeAndFlush(Unpooled.wrappedBuffer(transport.encodeAnswer(packet.requestId(), answer, false))));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        dispatcher.rejected((InetSocketAddress) ctx.channel().remoteAddress(), "TCP", cause);
        ctx.close();
    }
}
