package murmur.dht.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import murmur.config.DhtSettings;

/**
 * TCP framing: a 4-byte length, then one message. Frames above {@code maxMessageBytes} close the connection, and
 * so does a connection that sends nothing for two request timeouts.
 */
final class TcpPipeline extends ChannelInitializer<SocketChannel> {
    private final DhtSettings settings;
    private final Supplier<ChannelHandler> last;

    TcpPipeline(DhtSettings settings, Supplier<ChannelHandler> last) {
        this.settings = settings;
        this.last = last;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(new ReadTimeoutHandler(settings.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS))
                .addLast(new LengthFieldBasedFrameDecoder(settings.maxMessageBytes(), 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4))
                .addLast(last.get());
    }
}
