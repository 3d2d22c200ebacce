package murmur.transport.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import murmur.transport.Framing;
import murmur.transport.MalformedInputException;
import murmur.transport.Signer;

/**
 * A peer's standing reservation at one relay: an outbound connection on which it proved its key, kept alive with
 * pings, over which the relay announces circuits ({@code onIncoming} gets each circuit id, on an event loop; the
 * peer then accepts it on a fresh connection with {@link RelayHandshake#accept}). {@link #closed()} completes when
 * the connection ends for any reason, so the owner can find another relay.
 */
public final class RelayReservation {
    /** How long a quiet reservation waits before it pings; well inside the relay's idle timeout. */
    static final Duration PING_AFTER = Duration.ofSeconds(20);

    private final InetSocketAddress relay;
    private final CompletableFuture<RelayMessage.Reserved> reserved = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Channel channel;

    private RelayReservation(InetSocketAddress relay) {
        this.relay = relay;
    }

    /** Reserves at {@code relay} for {@code self}'s key; fails with the relay's words, or when it does not answer. */
    public static CompletableFuture<RelayReservation> open(EventLoopGroup group, InetSocketAddress relay,
            Signer self, LongConsumer onIncoming, Duration timeout) {
        RelayReservation r = new RelayReservation(relay);
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Framing.install(ch.pipeline(), 1 << 10, PING_AFTER);
                        ch.pipeline().addLast(r.new Control(self, onIncoming));
                    }
                }).connect(relay);
        r.channel = connect.channel();
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                r.reserved.completeExceptionally(new RelayRefusedException("cannot connect to relay " + relay));
                r.closed.complete(null);
            }
        });
        connect.channel().closeFuture().addListener(f -> {
            r.reserved.completeExceptionally(new RelayRefusedException("relay " + relay + " closed the connection"));
            r.closed.complete(null);
        });
        group.schedule(() -> {
            if (r.reserved.completeExceptionally(new RelayRefusedException("relay " + relay + " did not answer"))) {
                r.channel.close();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return r.reserved.thenApply(x -> r);
    }

    public InetSocketAddress relay() {
        return relay;
    }

    /** The limits the relay granted. */
    public RelayMessage.Reserved limits() {
        return reserved.join();
    }

    /** Completes when the reservation's connection has closed. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public void close() {
        channel.close();
    }

    private final class Control extends SimpleChannelInboundHandler<ByteBuf> {
        private final Signer self;
        private final LongConsumer onIncoming;
        private long lastRead = System.nanoTime();

        Control(Signer self, LongConsumer onIncoming) {
            this.self = self;
            this.onIncoming = onIncoming;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) throws MalformedInputException {
            lastRead = System.nanoTime();
            RelayMessage m = RelayCodec.decode(ByteBufUtil.getBytes(frame));
            if (m instanceof RelayMessage.Challenge c) {
                send(ctx, new RelayMessage.Reserve(self.publicKey(),
                        self.sign(RelayCodec.reservationProof(c.nonce()))));
            } else if (m instanceof RelayMessage.Reserved granted) {
                reserved.complete(granted);
            } else if (m instanceof RelayMessage.Refused no) {
                reserved.completeExceptionally(new RelayRefusedException("relay " + relay + ": " + no.reason()));
                ctx.close();
            } else if (m instanceof RelayMessage.Incoming i && reserved.isDone()) {
                onIncoming.accept(i.circuit());
            } else if (m instanceof RelayMessage.Ping) {
                send(ctx, new RelayMessage.Pong());
            } else if (!(m instanceof RelayMessage.Pong)) {
                throw new MalformedInputException("unexpected " + m.getClass().getSimpleName() + " from the relay");
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                if (System.nanoTime() - lastRead > PING_AFTER.multipliedBy(3).toNanos()) {
                    // Pings went out and nothing came back: the relay is gone without a word.
                    ctx.close();
                } else {
                    send(ctx, new RelayMessage.Ping());
                }
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            reserved.completeExceptionally(new RelayRefusedException("relay " + relay + ": " + cause.getMessage()));
            ctx.close();
        }

        private void send(ChannelHandlerContext ctx, RelayMessage m) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(RelayCodec.encode(m)));
        }
    }
}
