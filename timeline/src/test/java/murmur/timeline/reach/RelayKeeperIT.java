package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.dht.SigningKey;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.link.PeerLink;
import murmur.transport.relay.RelayLimits;
import murmur.transport.relay.RelayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reservations kept at two of three relays on loopback; a relay that goes is replaced by the third. */
class RelayKeeperIT {
    private final List<NioEventLoopGroup> relayThreads = new ArrayList<>();
    private final List<RelayServer> relays = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SigningKey key = SigningKey.generate();
    private final AtomicInteger changes = new AtomicInteger();
    private PeerLink link;
    private RelayKeeper keeper;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < 3; i++) {
            NioEventLoopGroup g = new NioEventLoopGroup(1);
            relayThreads.add(g);
            relays.add(RelayServer.start(g, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    RelayLimits.defaults()).get(5, TimeUnit.SECONDS));
        }
        link = PeerLink.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), LinkSettings.defaults())
                .get(5, TimeUnit.SECONDS);
        link.identity(key);
        keeper = new RelayKeeper(link::reserveAt, relays.stream().map(RelayServer::address).toList(),
                key.publicKey(), scheduler, changes::incrementAndGet,
                () -> CompletableFuture.completedFuture(List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        keeper.stop();
        link.close().get(5, TimeUnit.SECONDS);
        for (RelayServer r : relays) {
            r.close().get(5, TimeUnit.SECONDS);
        }
        for (NioEventLoopGroup g : relayThreads) {
            g.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
        scheduler.shutdownNow();
    }

    @Test
    void keepsTwoRelaysReplacesOneThatGoesAndGivesThemUpWhenNotWanted() throws Exception {
        keeper.want(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> keeper.relays().size() == 2);
        // The first two candidates, in whichever order their reservations came back.
        assertThat(keeper.relays()).containsExactlyInAnyOrder(relays.get(0).address(), relays.get(1).address());
        assertThat(keeper.via()).containsExactlyInAnyOrder(
                PeerAddress.relayed(relays.get(0).address(), key.publicKey()),
                PeerAddress.relayed(relays.get(1).address(), key.publicKey()));

        relays.get(0).close().get(5, TimeUnit.SECONDS);
        relayThreads.get(0).shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        await().atMost(RelayKeeper.RETRY.multipliedBy(2)).until(() -> keeper.relays().size() == 2
                && keeper.relays().contains(relays.get(2).address()));
        assertThat(keeper.relays()).doesNotContain(relays.get(0).address());

        keeper.want(false);
        assertThat(keeper.via()).isEmpty();
        await().atMost(10, TimeUnit.SECONDS).until(() -> relays.get(1).reservations() == 0
                && relays.get(2).reservations() == 0);
        assertThat(changes.get()).isGreaterThanOrEqualTo(4);
    }
}
