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
 * Reading pauses while any {@link Hold} holds: the framing's own (output backed up) and those the protocol sets with
 * {@link #holdReading} (too many requests unanswered, a relayed partner backed up, a rate limit). Call it on the
 * channel's event loop.
 */
public final class Framing {
    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;
    private static final AttributeKey<Integer> HELD = AttributeKey.valueOf(Framing.class, "held");
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

    /**
     * Changes the largest frame a connection takes from now on (a relay raises it once a circuit opens). Call it on
     * the channel's event loop, between frames.
     */
    public static void limit(ChannelPipeline pipeline, int maxFrameBytes) {
        pipeline.replace(LengthFieldBasedFrameDecoder.class, null, new LengthFieldBasedFrameDecoder(
                maxFrameBytes + LENGTH_BYTES, 0, LENGTH_BYTES, 0, LENGTH_BYTES));
    }

    /** Why a connection stops reading; it reads again once no reason holds. */
    public enum Hold {
        /** The connection's own output stands above the high water mark (set by the framing itself). */
        OUTPUT_BACKED_UP,
        /** Too many requests from the peer are still unanswered. */
        REQUESTS_PENDING,
        /** The connection this one's frames are relayed to cannot take more. */
        PARTNER_BACKED_UP,
        /** The peer has sent past its rate for now. */
        RATE_LIMITED
    }

    /** Sets ({@code true}) or clears one reason to stop reading from {@code channel}. */
    public static void holdReading(Channel channel, Hold reason, boolean hold) {
        int bit = 1 << reason.ordinal();
        Integer before = channel.attr(HELD).get();
        int held = before == null ? 0 : before;
        held = hold ? held | bit : held & ~bit;
        channel.attr(HELD).set(held);
        channel.config().setAutoRead(held == 0);
    }

    /** Reads only while the connection can take more output. */
    static final class BackPressure extends ChannelInboundHandlerAdapter {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            holdReading(ctx.channel(), Hold.OUTPUT_BACKED_UP, !ctx.channel().isWritable());
            super.channelWritabilityChanged(ctx);
        }
    }
}
