package murmur.dht.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.transport.Framing;
import murmur.dht.wire.Packet;
import org.junit.jupiter.api.Test;

/** Junk TCP input, without sockets: each connection is refused once, for a reason a metric can show. */
class TcpRefusalTest {
    private final DhtSettings settings =
            SettingsLoader.load(Optional.empty(), List.of("dht.requestTimeout=50ms")).dht();
    private final List<String> reasons = new ArrayList<>();
    private final InboundDispatcher dispatcher = new InboundDispatcher(new InboundHandler() {
        @Override
        public CompletableFuture<Message> handle(InetSocketAddress from, Packet request) {
            return CompletableFuture.failedFuture(new AssertionError("junk reached the handler"));
        }

        @Override
        public void refused(InetSocketAddress from, String reason) {
            reasons.add(reason);
        }
    }, new SourceLimits(100, 10, System::nanoTime));

    @Test
    void aFrameOfGarbageIsMalformed() {
        EmbeddedChannel channel = connection();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 1, 2, 3}));
        assertThat(reasons).containsExactly("malformed_tcp");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aLengthAboveTheLimitIsOversized() {
        EmbeddedChannel channel = connection();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x7f, 0, 0, 0, 1}));
        assertThat(reasons).containsExactly("tcp_oversized");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closingBeforeAWholeRequestCountsOnce() {
        EmbeddedChannel channel = connection();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 1, 0, 9}));
        channel.close();
        assertThat(reasons).containsExactly("tcp_no_request");
    }

    @Test
    void aConnectionIdleBeforeAWholeRequestIsClosedAsIdle() {
        EmbeddedChannel channel = connection();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 1}));
        // The embedded event loop runs the idle timer only when asked to, once its time has come.
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            channel.runScheduledPendingTasks();
            return !channel.isOpen();
        });
        assertThat(reasons).containsExactly("tcp_idle");
    }

    private EmbeddedChannel connection() {
        MessageCodec codec = new MessageCodec(settings.maxMessageBytes(), 1000);
        EmbeddedChannel channel = new EmbeddedChannel();
        Framing.install(channel.pipeline(), settings.maxMessageBytes(), settings.requestTimeout().multipliedBy(2));
        channel.pipeline().addLast(new TcpServerHandler(dispatcher, null, codec));
        return channel;
    }
}
