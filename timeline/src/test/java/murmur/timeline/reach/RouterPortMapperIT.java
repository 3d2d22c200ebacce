package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Routers that misbehave, played on loopback port 5351 (NAT-PMP and PCP): one that answers random bytes, one that
 * answers nothing. The mapper must give up in bounded time with no mapping, no exception and no stuck thread.
 * (miniupnpd, the real router, is in the app module's network-namespace test.)
 */
@Timeout(120)
class RouterPortMapperIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int NAT_PMP_PORT = 5351;

    /** A UDP "router" on 127.0.0.1:5351 that answers each request with {@code answer}'s bytes (null: silence). */
    private static final class FakeRouter implements AutoCloseable {
        final DatagramSocket socket;
        final AtomicInteger requests = new AtomicInteger();
        final Thread thread;

        FakeRouter(boolean garbage) throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, NAT_PMP_PORT));
            Random random = new Random(7);
            thread = new Thread(() -> {
                byte[] buf = new byte[1100];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        socket.receive(p);
                        requests.incrementAndGet();
                        if (garbage) {
                            byte[] junk = new byte[random.nextInt(80)];
                            random.nextBytes(junk);
                            socket.send(new DatagramPacket(junk, junk.length, p.getSocketAddress()));
                        }
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "fake-router");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static void assertGivesUpCleanly(FakeRouter router) {
        RouterPortMapper mapper = RouterPortMapper.forGateway(new DefaultGateway.Route(LOOPBACK, LOOPBACK));
        long start = System.nanoTime();

        Optional<PortMapping> mapped = mapper.map(PortMapping.Protocol.TCP, 41000, Duration.ofMinutes(10))
                .orTimeout(90, TimeUnit.SECONDS).join();

        assertThat(mapped).isEmpty();
        assertThat(router.requests.get()).as("the router was asked").isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RouterPortMapper.CALL_LIMIT.multipliedBy(3));
        mapper.close().orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void aRouterThatAnswersGarbageOpensNothingAndHangsNothing() throws Exception {
        try (FakeRouter router = new FakeRouter(true)) {
            assertGivesUpCleanly(router);
        }
    }

    @Test
    void aRouterThatNeverAnswersOpensNothingAndHangsNothing() throws Exception {
        try (FakeRouter router = new FakeRouter(false)) {
            assertGivesUpCleanly(router);
        }
    }

    @Test
    void noRouterAtAllIsEmptyAtOnce() {
        RouterPortMapper none = RouterPortMapper.forGateway(new DefaultGateway.Route(LOOPBACK, LOOPBACK));
        none.close().orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(none.map(PortMapping.Protocol.UDP, 41000, Duration.ofMinutes(10)).orTimeout(10, TimeUnit.SECONDS)
                .join()).as("a closed mapper maps nothing").isEmpty();
    }
}
