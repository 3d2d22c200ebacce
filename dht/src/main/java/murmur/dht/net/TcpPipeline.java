package murmur.dht.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Supplier;
import murmur.config.DhtSettings;
import murmur.transport.Framing;

/**
 * A DHT TCP connection: the shared {@link Framing} (frames up to {@code maxMessageBytes}; idle after two request
 * timeouts, which the last handler acts on), then one message per frame for the last handler.
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
        Framing.install(ch.pipeline(), settings.maxMessageBytes(), settings.requestTimeout().multipliedBy(2));
        ch.pipeline().addLast(last.get());
    }
}
