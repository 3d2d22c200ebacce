package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.dht.SigningKey;
import murmur.transport.relay.RelayLimits;
import murmur.transport.relay.RelayReservation;
import murmur.transport.relay.RelayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A peer that nobody dials directly, reached through a relay on loopback with real sockets. */
class RelayedLinkIT {
    private static final int ECHO = 1;
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final NioEventLoopGroup relayThreads = new NioEventLoopGroup(1);
    private final List<PeerLink> links = new ArrayList<>();
    private final SigningKey hiddenKey = SigningKey.generate();
    private RelayServer relay;
    private PeerLink hidden;
    private PeerLink dialer;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(relayThreads, ANY, RelayLimits.defaults()).get(5, TimeUnit.SECONDS);
        hidden = link(hiddenKey);
        dialer = link(SigningKey.generate());
        hidden.onRequest(ECHO, (from, body) -> CompletableFuture.completedFuture(
                ("echo " + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() throws Exception {
        for (PeerLink l : links) {
            l.close().get(5, TimeUnit.SECONDS);
        }
        relay.close().get(5, TimeUnit.SECONDS);
        relayThreads.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void requestsReachAReservedPeerThroughTheRelayAndShareOneCircuit() throws Exception {
        hidden.reserveAt(relay.address()).get(5, TimeUnit.SECONDS);
        PeerAddress via = PeerAddress.relayed(relay.address(), hiddenKey.publicKey());

        for (int i = 0; i < 20; i++) {
            byte[] answer = dialer.request(List.of(via), ECHO, ("n" + i).getBytes(StandardCharsets.UTF_8))
                    .get(5, TimeUnit.SECONDS);
            assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("echo n" + i);
        }
        assertThat(relay.counters().get("circuits_opened")).as("pooled like a direct connection").isEqualTo(1);
        assertThat(hidden.inboundConnections()).isEqualTo(1);
    }

    @Test
    void aDirectAddressThatNobodyAnswersGivesWayToTheRelayedOne() throws Exception {
        hidden.reserveAt(relay.address()).get(5, TimeUnit.SECONDS);
        PeerAddress unreachable = PeerAddress.direct(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1));
        PeerAddress via = PeerAddress.relayed(relay.address(), hiddenKey.publicKey());

        byte[] answer = dialer.request(List.of(unreachable, via), ECHO, "x".getBytes(StandardCharsets.UTF_8))
                .get(5, TimeUnit.SECONDS);

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("echo x");
    }

    @Test
    void aPeerWithoutAReservationIsUnreachableInTheRelaysWords() {
        PeerAddress via = PeerAddress.relayed(relay.address(), SigningKey.generate().publicKey());

        assertThatThrownBy(() -> dialer.request(List.of(via), ECHO, new byte[0]).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(LinkException.class).hasMessageContaining("no peer with that key");
    }

    @Test
    void whenTheRelayGoesTheReservationSaysSo() throws Exception {
        RelayReservation r = hidden.reserveAt(relay.address()).get(5, TimeUnit.SECONDS);
        relay.close().get(5, TimeUnit.SECONDS);
        relayThreads.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);

        await().atMost(10, TimeUnit.SECONDS).until(() -> r.closed().isDone());
    }

    private PeerLink link(SigningKey key) throws Exception {
        PeerLink l = PeerLink.bind(ANY, LinkSettings.defaults()).get(5, TimeUnit.SECONDS);
        l.identity(key);
        links.add(l);
        return l;
    }
}
