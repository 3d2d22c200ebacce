package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.Channel;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer known by several addresses, dialled over real loopback sockets. */
@Timeout(30)
class HappyEyeballsIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private final ConnectionPool pool = new ConnectionPool(group, LinkSettings.defaults(),
            new FrameCodec(LinkSettings.defaults().maxFrameBytes()), new LinkCounters(), () -> null);

    @AfterEach
    void close() {
        pool.closeAll();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static PeerAddress closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return PeerAddress.direct(new InetSocketAddress(LOOPBACK, s.getLocalPort()));
        }
    }

    @Test
    void anAddressThatFailsGivesWayToTheNextAndTheOneThatWorkedGoesFirstNextTime() throws Exception {
        try (ServerSocket live = new ServerSocket(0, 5, LOOPBACK)) {
            PeerAddress dead = closedPort();
            PeerAddress good = PeerAddress.direct(new InetSocketAddress(LOOPBACK, live.getLocalPort()));
            List<PeerAddress> published = List.of(dead, good);

            Channel c = pool.connection(published).get(10, TimeUnit.SECONDS);

            assertThat(c.remoteAddress()).isEqualTo(good.address());
            assertThat(pool.order(published)).containsExactly(good, dead);
        }
    }

    @Test
    void anOpenConnectionToAnyPublishedAddressIsReused() throws Exception {
        try (ServerSocket live = new ServerSocket(0, 5, LOOPBACK)) {
            PeerAddress good = PeerAddress.direct(new InetSocketAddress(LOOPBACK, live.getLocalPort()));
            Channel first = pool.connection(good).get(10, TimeUnit.SECONDS);

            Channel again = pool.connection(List.of(closedPort(), good)).get(10, TimeUnit.SECONDS);

            assertThat(again).isSameAs(first);
        }
    }

    @Test
    void whenNoAddressConnectsTheFailureSaysUnreachable() throws Exception {
        List<PeerAddress> none = List.of(closedPort(), closedPort(), closedPort());

        assertThatThrownBy(() -> pool.connection(none).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(LinkException.class).hasMessageContaining("cannot connect");
        assertThatThrownBy(() -> pool.connection(List.of()).get(1, TimeUnit.SECONDS))
                .hasMessageContaining("no address");
    }
}
