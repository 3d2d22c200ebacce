package murmur.dht.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits accepted DHT TCP connections up to {@link #TOTAL} open at once, and {@link #PER_IP} from one IP address
 * (loopback, this machine, excepted), then sets up the connection with {@code next}; a connection over a cap is
 * closed at once and counted ({@code tcp_over_cap}). A client that opens connections without end thus holds a few
 * slots, not the node's file descriptors.
 */
@ChannelHandler.Sharable
final class TcpConnectionCaps extends ChannelInitializer<SocketChannel> {
    static final int TOTAL = 1024;
    static final int PER_IP = 32;

    private final ChannelHandler next;
    private final InboundDispatcher dispatcher;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();

    TcpConnectionCaps(ChannelHandler next, InboundDispatcher dispatcher) {
        this.next = next;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        InetAddress ip = ch.remoteAddress() == null || ch.remoteAddress().getAddress().isLoopbackAddress() ? null
                : ch.remoteAddress().getAddress();
        boolean overTotal = open.incrementAndGet() > TOTAL;
        boolean overIp = ip != null && perIp.merge(ip, 1, Integer::sum) > PER_IP;
        Runnable release = () -> {
            open.decrementAndGet();
            if (ip != null) {
                perIp.merge(ip, -1, (n, d) -> n + d == 0 ? null : n + d);
            }
        };
        ch.closeFuture().addListener(f -> release.run());
        if (overTotal || overIp) {
            dispatcher.refusedConnection(ch.remoteAddress());
            ch.close();
            return;
        }
        ch.pipeline().addLast(next);
    }

    int open() {
        return open.get();
    }
}
