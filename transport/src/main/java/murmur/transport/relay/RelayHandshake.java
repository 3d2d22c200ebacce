package murmur.transport.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import murmur.transport.MalformedInputException;

/**
 * The start of a circuit connection, on the dialer's side ({@link #dial}) or the relayed peer's ({@link #accept}):
 * it sits right after {@link murmur.transport.Framing}, answers the relay's challenge with the request, and once
 * the relay says the circuit is open it runs {@code then} (which adds the connection's own handlers, a
 * {@link murmur.transport.secure.SecureChannel} first) and steps out of the pipeline. {@link #open()} completes
 * then, or fails with the relay's refusal.
 */
public final class RelayHandshake extends ChannelInboundHandlerAdapter {
    private final RelayMessage request;
    private final Consumer<ChannelPipeline> then;
    private final CompletableFuture<Void> open = new CompletableFuture<>();

    private RelayHandshake(RelayMessage request, Consumer<ChannelPipeline> then) {
        this.request = request;
        this.then = then;
    }

    /** Asks the relay for a circuit to the peer reserved under {@code target}. */
    public static RelayHandshake dial(byte[] target, Consumer<ChannelPipeline> then) {
        return new RelayHandshake(new RelayMessage.Connect(target.clone()), then);
    }

    /** Takes circuit {@code circuit} that the relay announced on this peer's reservation. */
    public static RelayHandshake accept(long circuit, Consumer<ChannelPipeline> then) {
        return new RelayHandshake(new RelayMessage.Accept(circuit), then);
    }

    /** Completes when the circuit is open and {@code then} has run. */
    public CompletableFuture<Void> open() {
        return open;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws MalformedInputException {
        RelayMessage m;
        ByteBuf frame = (ByteBuf) msg;
        try {
            m = RelayCodec.decode(ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
        if (m instanceof RelayMessage.Challenge) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(RelayCodec.encode(request)));
        } else if (m instanceof RelayMessage.Connected) {
            then.accept(ctx.pipeline());
            ctx.pipeline().remove(this);
            open.complete(null);
        } else if (m instanceof RelayMessage.Refused no) {
            open.completeExceptionally(new RelayRefusedException(no.reason()));
            ctx.close();
        } else {
            throw new MalformedInputException("unexpected " + m.getClass().getSimpleName() + " from the relay");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        open.completeExceptionally(new RelayRefusedException("relayed connection failed: " + cause.getMessage()));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.completeExceptionally(new RelayRefusedException("the relay closed the connection"));
        super.channelInactive(ctx);
    }
}
