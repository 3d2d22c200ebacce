package murmur.dht.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import org.junit.jupiter.api.Test;

/** Junk TCP input, without sockets: each connection is refused once, for a reason a metric can show. */
class TcpRefusalTest {
    private final DhtSettings settings = SettingsLoader.defaults().dht();
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
    });

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

    private EmbeddedChannel connection() {
        MessageCodec codec = new MessageCodec(settings.maxMessageBytes(), 1000);
        // TcpPipeline's framing, without its read timeout (whose clock the embedded event loop does not run).
        return new EmbeddedChannel(new LengthFieldBasedFrameDecoder(settings.maxMessageBytes(), 0, 4, 0, 4),
                new TcpServerHandler(dispatcher, null, codec));
    }
}
