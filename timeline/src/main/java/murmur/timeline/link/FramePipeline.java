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

/**
 * The handlers every link connection starts with: the shared {@link Framing} (length prefix, size limit, idle
 * timer, back-pressure), then {@link FrameCodec} both ways.
 */
final class FramePipeline {
    private FramePipeline() {}

    static void install(ChannelPipeline pipeline, FrameCodec codec, Duration idle, ChannelHandler last) {
        Framing.install(pipeline, codec.maxFrameBytes(), idle);
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
