package murmur.dht.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;

/**
 * Dial-back probes, each from a socket of its own that has never talked to the target, so that a router in front
 * of the target lets it in only if a port is open (mapped by hand, UPnP, NAT-PMP or PCP, or no router at all).
 */
final class Probes {
    private Probes() {}

    /** Sends {@code ping} (an encoded Ping) to {@code target} from a fresh UDP socket; true when a Pong comes back. */
    static CompletableFuture<Boolean> udp(EventLoopGroup group, InetSocketAddress target, byte[] ping,
            MessageCodec codec, Duration timeout) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        long id = NettyTransport.readId(ping);
        ChannelFuture bound = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
                        if (!datagram.sender().equals(target)) {
                            return;
                        }
                        try {
                            Packet answer = codec.decode(ByteBufUtil.getBytes(datagram.content()));
                            if (answer.requestId() == id && answer.body() instanceof Message.Pong) {
                                reached.complete(true);
                            }
                        } catch (MalformedInputException ignored) {
                            // Not the answer; the timeout decides.
                        }
                    }
                })
                .bind(0);
        bound.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                reached.complete(false);
                return;
            }
            f.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(ping), target));
        });
        ScheduledFuture<?> timer =
                group.schedule(() -> reached.complete(false), timeout.toMillis(), TimeUnit.MILLISECONDS);
        reached.whenComplete((r, e) -> {
            timer.cancel(false);
            bound.channel().close();
        });
        return reached;
    }

    /** Whether a TCP connection to {@code target} opens within {@code timeout}; it is closed at once. */
    static CompletableFuture<Boolean> tcp(EventLoopGroup group, InetSocketAddress target, Duration timeout) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInboundHandlerAdapter())
                .connect(target);
        connect.addListener((ChannelFuture f) -> reached.complete(f.isSuccess()));
        ScheduledFuture<?> timer =
                group.schedule(() -> reached.complete(false), timeout.toMillis(), TimeUnit.MILLISECONDS);
        reached.whenComplete((r, e) -> {
            timer.cancel(false);
            Channel c = connect.channel();
            c.close();
        });
        return reached;
    }
}
