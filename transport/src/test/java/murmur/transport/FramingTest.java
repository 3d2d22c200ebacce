package murmur.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FramingTest {
    private final List<Object> events = new ArrayList<>();

    @Test
    void framesGoOutWithTheirLengthAndComeInWithout() {
        EmbeddedChannel channel = channel(16);
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {7, 8, 9}));
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            out.writeBytes(part);
            part.release();
        }
        assertThat(ByteBufUtil.getBytes(out)).containsExactly(0, 0, 0, 3, 7, 8, 9);

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 5}));
        assertThat(channel.<Object>readInbound()).as("half a frame is held back").isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {6, 0, 0, 0, 1, 4}));
        assertThat(bytes(channel.readInbound())).containsExactly(5, 6);
        assertThat(bytes(channel.readInbound())).containsExactly(4);
    }

    @Test
    void aFrameOfExactlyTheLimitPasses() {
        EmbeddedChannel channel = channel(3);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 1, 2, 3}));
        assertThat(bytes(channel.readInbound())).containsExactly(1, 2, 3);
    }

    @Test
    void aDeclaredLengthAboveTheLimitFailsBeforeItsBytesArrive() {
        EmbeddedChannel channel = channel(3);
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 4})))
                .isInstanceOf(TooLongFrameException.class);
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void aHugeDeclaredLengthFailsToo() {
        EmbeddedChannel channel = channel(1 << 20);
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, 0, 0, 0})))
                .isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void unsentBytesAboveTheHighWaterMarkStopReadingUntilTheyAreSent() {
        EmbeddedChannel channel = channel(1 << 20);
        assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(Framing.WATER_MARK.high());
        channel.write(Unpooled.wrappedBuffer(new byte[Framing.WATER_MARK.high() + 1]));
        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();
        channel.flush();
        assertThat(channel.isWritable()).isTrue();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void readingWaitsUntilNeitherTheOutputNorTheProtocolHoldsIt() {
        EmbeddedChannel channel = channel(1 << 20);
        Framing.holdReading(channel, Framing.Hold.REQUESTS_PENDING, true);
        channel.write(Unpooled.wrappedBuffer(new byte[Framing.WATER_MARK.high() + 1]));
        channel.flush();
        assertThat(channel.config().isAutoRead()).as("the protocol still holds it").isFalse();
        Framing.holdReading(channel, Framing.Hold.REQUESTS_PENDING, false);
        assertThat(channel.config().isAutoRead()).isTrue();

        channel.write(Unpooled.wrappedBuffer(new byte[Framing.WATER_MARK.high() + 1]));
        Framing.holdReading(channel, Framing.Hold.REQUESTS_PENDING, true);
        Framing.holdReading(channel, Framing.Hold.REQUESTS_PENDING, false);
        assertThat(channel.config().isAutoRead()).as("the output still holds it").isFalse();
        channel.flush();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void anIdleConnectionIsReportedToTheProtocolNotClosed() {
        EmbeddedChannel channel = channel(16);
        // The embedded event loop runs scheduled tasks only when asked to, after their time has come.
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            channel.runScheduledPendingTasks();
            return !events.isEmpty();
        });
        assertThat(events.get(0)).isInstanceOf(IdleStateEvent.class);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> channel(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    private EmbeddedChannel channel(int maxFrameBytes) {
        EmbeddedChannel channel = new EmbeddedChannel();
        Framing.install(channel.pipeline(), maxFrameBytes, Duration.ofMillis(20));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                events.add(event);
            }
        });
        return channel;
    }

    private static byte[] bytes(Object frame) {
        ByteBuf buf = (ByteBuf) frame;
        byte[] b = ByteBufUtil.getBytes(buf);
        buf.release();
        return b;
    }
}
