package murmur.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one TCP framing of every Murmur protocol: {@code [u32 length][frame]}, big-endian, where the length counts
 * the frame's bytes only. {@link #install} puts, in this order:
 * <ul>
 *   <li>an idle timer: after {@code idle} with nothing read or written it fires an
 *       {@link io.netty.handler.timeout.IdleStateEvent}; the protocol's handler decides whether to close;</li>
 *   <li>the length decoder: a declared length above {@code maxFrameBytes} fails at once with a
 *       {@link io.netty.handler.codec.TooLongFrameException}, before the frame's bytes arrive, and the decoder
 *       drops the connection's input from then on; handlers after it receive whole frames without the prefix;</li>
 *   <li>the length prefixer for outbound frames;</li>
 *   <li>back-pressure: while the connection's unsent bytes stand above the high water mark it stops reading, so a
 *       peer that sends requests but never reads the answers cannot make us queue answers without bound.</li>
 * </ul>
 * Reading pauses while any reason holds: the framing's own (output backed up) and the protocol's, which it sets with
 * {@link #holdReading} (e.g. too many requests unanswered). Call these on the channel's event loop.
 */
public final class Framing {
    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;
    /** Reasons to stop reading, one bit each; reading goes on while none is set. */
    private static final AttributeKey<Integer> HELD = AttributeKey.valueOf(Framing.class, "held");
    private static final int OUTPUT_BACKED_UP = 1;
    private static final int PROTOCOL = 2;
    /** Unsent bytes above which a connection stops reading, and below which it reads again. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 << 10, 256 << 10);

    private Framing() {}

    /** Adds the framing handlers at the end of {@code pipeline}; the protocol's codec and handlers follow. */
    public static void install(ChannelPipeline pipeline, int maxFrameBytes, Duration idle) {
        if (maxFrameBytes < 1 || maxFrameBytes > Integer.MAX_VALUE - LENGTH_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes out of range: " + maxFrameBytes);
        }
        pipeline.channel().config().setWriteBufferWaterMark(WATER_MARK);
        pipeline.addLast(new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new LengthFieldBasedFrameDecoder(maxFrameBytes + LENGTH_BYTES, 0, LENGTH_BYTES, 0,
                        LENGTH_BYTES))
                .addLast(new LengthFieldPrepender(LENGTH_BYTES))
                .addLast(new BackPressure());
    }

    /** The protocol's own reason to stop reading ({@code true}) or to read again ({@code false}). */
    public static void holdReading(Channel channel, boolean hold) {
        hold(channel, PROTOCOL, hold);
    }

    private static void hold(Channel channel, int reason, boolean hold) {
        Integer before = channel.attr(HELD).get();
        int held = before == null ? 0 : before;
        held = hold ? held | reason : held & ~reason;
        channel.attr(HELD).set(held);
        channel.config().setAutoRead(held == 0);
    }

    /** Reads only while the connection can take more output. */
    static final class BackPressure extends ChannelInboundHandlerAdapter {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            hold(ctx.channel(), OUTPUT_BACKED_UP, !ctx.channel().isWritable());
            super.channelWritabilityChanged(ctx);
        }
    }
}
