package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.transport.MalformedInputException;
import org.junit.jupiter.api.Test;

/** The serving end of a connection, driven through its real pipeline without sockets. */
class InboundRequestsTest {
    private static final int ECHO = 1;
    private static final int FAILING = 2;
    private static final int THROWING = 3;
    private static final int PARKED = 4;

    private final LinkSettings settings = new LinkSettings(256, Duration.ofSeconds(5), Duration.ofMinutes(1), 8, 2);
    private final FrameCodec codec = new FrameCodec(settings.maxFrameBytes());
    private final LinkCounters counters = new LinkCounters();
    private final List<CompletableFuture<byte[]>> parked = new ArrayList<>();
    private final EmbeddedChannel channel = connection();

    @Test
    void answersWithTheHandlersBody() throws Exception {
        Frame request = Frame.request(ECHO, 41, bytes("ping"));

        assertThat(exchange(request)).isEqualTo(request.response(bytes("echo ping")));
        assertThat(counters.servedCount()).isEqualTo(1);
    }

    @Test
    void answersAnUnknownTypeWithAnError() throws Exception {
        Frame request = Frame.request(999, 5, new byte[0]);

        assertThat(exchange(request)).isEqualTo(request.error("unknown message type 999"));
    }

    @Test
    void answersAFailedOrThrowingHandlerWithItsMessage() throws Exception {
        Frame failing = Frame.request(FAILING, 6, new byte[0]);
        Frame throwing = Frame.request(THROWING, 7, new byte[0]);

        assertThat(exchange(failing)).isEqualTo(failing.error("no such post"));
        assertThat(exchange(throwing)).isEqualTo(throwing.error("IllegalStateException"));
        assertThat(counters.servedCount()).isZero();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void stopsReadingWhileTooManyRequestsAreUnanswered() throws Exception {
        channel.writeInbound(wire(Frame.request(PARKED, 1, new byte[0])));
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.writeInbound(wire(Frame.request(PARKED, 2, new byte[0])));
        assertThat(channel.config().isAutoRead()).isFalse();

        parked.get(0).complete(bytes("done"));
        channel.runPendingTasks();

        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(readFrame())
                .isEqualTo(Frame.request(PARKED, 1, new byte[0]).response(bytes("done")));
    }

    @Test
    void closesOnAMalformedFrame() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 12, 9, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}));

        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.droppedCount()).isEqualTo(1);
    }

    @Test
    void closesOnAnOversizedLengthBeforeItsBytesArrive() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 1, 1, 1}));

        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.droppedCount()).isEqualTo(1);
    }

    @Test
    void closesWhenTheClientSendsAResponse() {
        channel.writeInbound(wire(Frame.request(ECHO, 1, new byte[0]).response(new byte[0])));

        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.droppedCount()).isEqualTo(1);
    }

    @Test
    void assemblesAFrameThatArrivesInPieces() throws Exception {
        byte[] whole = ByteBufUtil.getBytes(wire(Frame.request(ECHO, 9, bytes("split"))));
        for (byte b : whole) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(readFrame())
                .isEqualTo(Frame.request(ECHO, 9, new byte[0]).response(bytes("echo split")));
    }

    private Frame exchange(Frame request) throws MalformedInputException {
        channel.writeInbound(wire(request));
        return readFrame();
    }

    /** The next frame written: its length prefix and its bytes, as the shared framing writes them. */
    private Frame readFrame() throws MalformedInputException {
        ByteBuf length = channel.readOutbound();
        ByteBuf frame = channel.readOutbound();
        try {
            assertThat(length.readInt()).isEqualTo(frame.readableBytes());
            return codec.decode(ByteBufUtil.getBytes(frame));
        } finally {
            length.release();
            frame.release();
        }
    }

    /** A frame as it travels: length prefix, then the codec's bytes. */
    private ByteBuf wire(Frame frame) {
        byte[] bytes = codec.encode(frame);
        return Unpooled.buffer(4 + bytes.length).writeInt(bytes.length).writeBytes(bytes);
    }

    private EmbeddedChannel connection() {
        RequestHandlers handlers = new RequestHandlers();
        handlers.put(ECHO, (remote, body) ->
                CompletableFuture.completedFuture(bytes("echo " + new String(body, StandardCharsets.UTF_8))));
        handlers.put(FAILING, (remote, body) ->
                CompletableFuture.failedFuture(new IllegalArgumentException("no such post")));
        handlers.put(THROWING, (remote, body) -> {
            throw new IllegalStateException();
        });
        handlers.put(PARKED, (remote, body) -> {
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            parked.add(answer);
            return answer;
        });
        EmbeddedChannel ch = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000);
            }
        };
        FramePipeline.install(ch.pipeline(), codec, settings.idleTimeout(),
                new InboundRequests(handlers, Runnable::run, settings, codec, counters));
        return ch;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
