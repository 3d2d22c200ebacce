package murmur.timeline.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.time.Duration;
import java.util.List;
import murmur.transport.Framing;
import murmur.transport.MalformedInputException;
import murmur.transport.secure.SecureChannel;

/**
 * The handlers every link connection starts with: the shared {@link Framing} (length prefix, size limit, idle
 * timer, back-pressure), then {@link FrameCodec} both ways. A connection through a relay has a
 * {@link SecureChannel} between the two, once the relay has opened the circuit.
 */
final class FramePipeline {
    private FramePipeline() {}

    static void install(ChannelPipeline pipeline, FrameCodec codec, Duration idle, ChannelHandler last) {
        Framing.install(pipeline, codec.maxFrameBytes(), idle);
        installCodec(pipeline, codec, last);
    }

    /**
     * The framing of a relayed connection: room for a sealed frame. Until the circuit opens the relay's handshake
     * follows it; then {@link #installSecure}.
     */
    static void installRelayed(ChannelPipeline pipeline, FrameCodec codec, Duration idle) {
        Framing.install(pipeline, codec.maxFrameBytes() + SecureChannel.OVERHEAD_BYTES, idle);
    }

    /** Once a relayed circuit is open: the secure channel to the other end, then the codec and {@code last}. */
    static void installSecure(ChannelPipeline pipeline, SecureChannel secure, FrameCodec codec, ChannelHandler last) {
        pipeline.addLast(secure);
        installCodec(pipeline, codec, last);
    }

    private static void installCodec(ChannelPipeline pipeline, FrameCodec codec, ChannelHandler last) {
        pipeline.addLast(new Decoder(codec))
                .addLast(new Encoder(codec))
                .addLast(last);
    }

    private static final class Decoder extends MessageToMessageDecoder<ByteBuf> {
        private final FrameCodec codec;

        Decoder(FrameCodec codec) {
            this.codec = codec;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out)
                throws MalformedInputException {
            out.add(codec.decode(ByteBufUtil.getBytes(bytes)));
        }
    }

    private static final class Encoder extends MessageToByteEncoder<Frame> {
        private final FrameCodec codec;

        Encoder(FrameCodec codec) {
            super(Frame.class);
            this.codec = codec;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
            out.writeBytes(codec.encode(frame));
        }
    }
}
