package murmur.timeline.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the link opens every outbound TCP connection (to a peer, to a relay, or punched): NIO, no Nagle delay, a
 * connect timeout, and {@code init} to set up the pipeline. Callers add what is theirs (a local port) and connect.
 */
final class Outbound {
    private Outbound() {}

    static Bootstrap bootstrap(EventLoopGroup group, Duration connectTimeout, Consumer<SocketChannel> init) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        init.accept(ch);
                    }
                });
    }
}
