package murmur.dht.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.DialBackResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Observed addresses and dial-back over real sockets. The nodes sit on different loopback addresses (127.0.0.1,
 * .2, .3) so that each reporter has an IP of its own.
 */
@Timeout(60)
class DialBackIT {
    private final DhtSettings settings = SettingsLoader.defaults().dht();
    private final NettyNetwork network = NettyNetwork.create(settings, Clock.systemUTC(), 2);
    private DhtNode asker;
    private DhtNode first;
    private DhtNode second;

    @BeforeEach
    void start() {
        asker = node("127.0.0.1");
        first = node("127.0.0.2");
        second = node("127.0.0.3");
    }

    @AfterEach
    void stop() {
        for (DhtNode n : List.of(asker, first, second)) {
            n.stop().orTimeout(10, TimeUnit.SECONDS).join();
        }
        network.close();
    }

    private DhtNode node(String ip) {
        DhtNode n = DhtNode.builder().settings(settings).network(network).bindAddress(new InetSocketAddress(ip, 0))
                .build();
        n.start().orTimeout(10, TimeUnit.SECONDS).join();
        return n;
    }

    @Test
    void aNodeBelievesTheAddressTwoOthersSeeItsRequestsComeFrom() throws Exception {
        assertThat(asker.observedAddress()).isEmpty();

        asker.bootstrap(List.of(first.address())).orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(asker.observedAddress()).as("one node's word is not enough").isEmpty();

        asker.bootstrap(List.of(second.address())).orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(asker.observedAddress()).contains(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void lyingNodesThatDisagreeNeverDecideTheAddressAndOneLiarCannotOutvoteTheTruth() throws Exception {
        try (LyingNode liar1 = new LyingNode(new InetSocketAddress("127.0.0.4", 0),
                new InetSocketAddress("198.51.100.1", 4000));
                LyingNode liar2 = new LyingNode(new InetSocketAddress("127.0.0.5", 0),
                        new InetSocketAddress("198.51.100.2", 4000))) {
            asker.bootstrap(List.of(liar1.address(), liar2.address())).orTimeout(20, TimeUnit.SECONDS).join();
            assertThat(asker.observedAddress()).isEmpty();

            asker.bootstrap(List.of(first.address(), second.address())).orTimeout(20, TimeUnit.SECONDS).join();
            assertThat(asker.observedAddress()).contains(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void aDialBackReachesOpenPortsFromFreshSockets() throws Exception {
        try (ServerSocket link = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            DialBackResult r = asker.dialBack(first.address(), asker.address().getPort(), link.getLocalPort())
                    .orTimeout(10, TimeUnit.SECONDS).join();

            assertThat(r).isEqualTo(new DialBackResult(true, true));
        }
    }

    @Test
    void closedPortsAreReportedUnreached() throws Exception {
        int closedTcp;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedTcp = s.getLocalPort();
        }
        int silentUdp;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            silentUdp = s.getLocalPort();
        }

        DialBackResult r = asker.dialBack(second.address(), silentUdp, closedTcp).orTimeout(10, TimeUnit.SECONDS)
                .join();

        assertThat(r).isEqualTo(new DialBackResult(false, false));
    }

    @Test
    void oneSourceCannotMakeANodeDialRepeatedly() {
        int answered = 0;
        Throwable refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            try {
                asker.dialBack(first.address(), asker.address().getPort(), 0).orTimeout(10, TimeUnit.SECONDS).join();
                answered++;
            } catch (RuntimeException e) {
                refused = e;
            }
        }

        assertThat(answered).as("a few peers behind one router may all ask").isGreaterThan(1);
        assertThat(refused).as("but not without end").isNotNull().hasMessageContaining("too many requests");
    }
}
