package murmur.transport.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import murmur.transport.Framing;
import murmur.transport.Signer;
import murmur.transport.secure.SecureChannel;

/** The two ends of relayed circuits for tests: a reserved peer that echoes every frame, and dialers that collect. */
final class RelayEnds {
    static final int MAX_FRAME = RelayLimits.DEFAULT_MAX_FRAME_BYTES;

    private RelayEnds() {}

    /** Reserves {@code peer} at {@code relay}; every circuit to it echoes what it gets, prefixed with {@code 'e'}. */
    static RelayReservation echoingPeer(EventLoopGroup group, InetSocketAddress relay, Signer peer) throws Exception {
        return RelayReservation.open(group, relay, peer, circuit -> connect(group, relay,
                RelayHandshake.accept(circuit, p -> p.addLast(SecureChannel.responder(peer), new Echo()))),
                Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
    }

    /** A circuit from {@code self} to {@code target}; what arrives lands in {@link Dialer#received}. */
    static Dialer dial(EventLoopGroup group, InetSocketAddress relay, Signer self, byte[] target) {
        Dialer d = new Dialer();
        RelayHandshake handshake = RelayHandshake.dial(target,
                p -> p.addLast(SecureChannel.initiator(self, target), d.new Collect()));
        d.channel = connect(group, relay, handshake);
        d.open = handshake.open();
        return d;
    }

    private static Channel connect(EventLoopGroup group, InetSocketAddress relay, RelayHandshake handshake) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Framing.install(ch.pipeline(), MAX_FRAME, Duration.ofSeconds(30));
                        ch.pipeline().addLast(handshake);
                    }
                }).connect(relay).channel();
    }

    static final class Dialer {
        final List<byte[]> received = new CopyOnWriteArrayList<>();
        volatile long bytes;
        Channel channel;
        CompletableFuture<Void> open;

        /** Sends once the circuit is open (a frame before that would reach the relay, which refuses it). */
        void send(byte[] frame) throws Exception {
            open.get(10, TimeUnit.SECONDS);
            channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
        }

        final class Collect extends SimpleChannelInboundHandler<ByteBuf> {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                bytes += msg.readableBytes();
                received.add(ByteBufUtil.getBytes(msg));
            }
        }
    }

    private static final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            ctx.writeAndFlush(Unpooled.buffer().writeByte('e').writeBytes(msg));
        }
    }
}
