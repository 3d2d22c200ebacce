package murmur.dht.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import murmur.config.DhtSettings;
import murmur.dht.rpc.RpcTimeoutException;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;

/** One request over a fresh TCP connection: connect, send a frame, read one frame back, close. */
final class TcpClient {
    private TcpClient() {}

    static CompletableFuture<Packet> request(
            EventLoopGroup group, InetSocketAddress to, byte[] request, MessageCodec codec, DhtSettings settings) {
        CompletableFuture<Packet> answer = new CompletableFuture<>();
        long timeout = settings.requestTimeout().toMillis();
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout)
                .handler(new TcpPipeline(settings, () -> new AnswerHandler(answer, codec)))
                .connect(to);
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                answer.completeExceptionally(new RpcTimeoutException(to, "TCP connect failed"));
                return;
            }
            f.channel().writeAndFlush(Unpooled.wrappedBuffer(request));
        });
        ScheduledFuture<?> timer = group.schedule(() -> {
            if (answer.completeExceptionally(new RpcTimeoutException(to, "no TCP answer"))) {
                connect.channel().close();
            }
        }, timeout, TimeUnit.MILLISECONDS);
        answer.whenComplete((a, failure) -> timer.cancel(false));
        return answer;
    }

    private static final class AnswerHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final CompletableFuture<Packet> answer;
        private final MessageCodec codec;

        AnswerHandler(CompletableFuture<Packet> answer, MessageCodec codec) {
            this.answer = answer;
            this.codec = codec;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            try {
                answer.complete(codec.decode(ByteBufUtil.getBytes(frame)));
            } catch (MalformedInputException e) {
                answer.completeExceptionally(e);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            answer.completeExceptionally(new RpcTimeoutException((InetSocketAddress) ctx.channel().remoteAddress(),
                    "TCP connection closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            answer.completeExceptionally(cause);
            ctx.close();
        }
    }
}
