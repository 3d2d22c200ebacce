package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.dht.DialBackVerdict;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.link.PeerLink;
import murmur.transport.relay.RelayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user peer that relays for others, on loopback with real sockets: a seed DHT node with no relay beside it, a
 * reachable peer whose owner allows relaying, a peer nobody can dial, and a dialer. The hidden peer finds the user
 * relay in {@code relays/nodes}, reserves there, and the dialer reaches it through it.
 */
class UserRelayIT {
    private static final int ECHO = 1;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress ANY = new InetSocketAddress(LOOPBACK, 0);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<DhtNode> nodes = new ArrayList<>();
    private final List<PeerLink> links = new ArrayList<>();
    private final List<ReachService> reaches = new ArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();
    private MurmurSettings settings;
    private DhtNode seed;
    private DhtNode relayDht;
    private DhtNode hiddenDht;
    private PeerLink relayLink;
    private PeerLink hidden;
    private PeerLink dialer;
    private RelayKeeper keeper;

    @BeforeEach
    void start() throws Exception {
        settings = SettingsLoader.load(Optional.empty(), List.of("dht.requestTimeout=1s",
                "timeline.relayForOthers=true", "timeline.relayMaxPeers=2", "timeline.relayBytesPerSecond=32768"));
        seed = node();
        relayDht = node();
        hiddenDht = node();
        hiddenDht.clientMode(true);
        relayLink = link(relayDht.signingKey());
        hidden = link(hiddenDht.signingKey());
        dialer = link(SigningKey.generate());
        hidden.onRequest(ECHO, (from, body) -> CompletableFuture.completedFuture(
                ("echo " + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        // The seed has no relay on its port + 1: only the user relay can take the reservation.
        InetSocketAddress seedRelay = new InetSocketAddress(LOOPBACK, seed.address().getPort() + 1);
        Random random = new Random(7);
        keeper = new RelayKeeper(hidden::reserveAt, List.of(seedRelay), hiddenDht.signingKey().publicKey(),
                scheduler, changes::incrementAndGet, () -> RelayDirectory.read(hiddenDht, random));
    }

    @AfterEach
    void stop() throws Exception {
        keeper.stop();
        for (ReachService r : reaches) {
            r.stop().get(15, TimeUnit.SECONDS);
        }
        for (PeerLink l : links) {
            l.close().get(5, TimeUnit.SECONDS);
        }
        for (DhtNode n : nodes) {
            n.stop().get(5, TimeUnit.SECONDS);
        }
        scheduler.shutdownNow();
    }

    @Test
    void theRelayListensOnAnyFreePortWhenTheOneNextToThePeerPortIsHeld() throws Exception {
        int next = relayLink.address().getPort() + 1;
        try (ServerSocket held = holding(next)) {
            assertThat(held.isBound() || !canListenOn(next)).as("port " + next + " is held").isTrue();
            ReachService reach = reach(settings);
            reach.publish(DialBackVerdict.REACHABLE);
            RelayHost host = reach.relayHost().orElseThrow();

            await().atMost(WAIT).until(() -> host.listening().isPresent());
            assertThat(host.listening().orElseThrow().getPort()).isNotEqualTo(next)
                    .isNotEqualTo(relayLink.address().getPort());
        }
    }

    /** A socket listening on {@code port}, or none when another process holds that port already. */
    private static ServerSocket holding(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            socket.close();
        }
        return socket;
    }

    private static boolean canListenOn(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aReachablePeerThatMayRelayServesAHiddenPeerWhenNoBootstrapRelayIsThereAndStopsWhenUnreachable()
            throws Exception {
        ReachService reach = reach(settings);
        // What a dial-back check from elsewhere would find (on loopback nobody is "elsewhere").
        reach.publish(DialBackVerdict.REACHABLE);
        RelayHost host = reach.relayHost().orElseThrow();

        await().atMost(WAIT).until(() -> host.advertised().isPresent());
        InetSocketAddress relay = host.listening().orElseThrow();
        int next = relayLink.address().getPort() + 1;
        // Another process may hold the port next to the peer's (an ephemeral port of some connection): the relay
        // then listens on any free port, as theRelayListensOnAnyFreePortWhenTheOneNextToThePeerPortIsHeld shows.
        assertThat(relay.getPort()).as("next to the peer port, unless another process holds it").satisfiesAnyOf(
                port -> assertThat(port).isEqualTo(next),
                port -> assertThat(canListenOn(next)).as("port " + next + " is held").isFalse());
        assertThat(host.advertised()).contains(relay);
        RelayServer server = host.server().orElseThrow();
        assertThat(server.limits().maxReservations()).isEqualTo(2);
        assertThat(server.limits().bytesPerSecondPerPeer()).isEqualTo(32_768);
        assertThat(RelayDirectory.read(hiddenDht, new Random()).get(10, TimeUnit.SECONDS)).containsExactly(relay);
        assertThat(RelayDirectory.read(relayDht, new Random()).get(10, TimeUnit.SECONDS))
                .as("a peer never relays through itself").isEmpty();

        keeper.want(true);
        await().atMost(WAIT).until(() -> keeper.relays().equals(List.of(relay)));
        assertThat(keeper.candidates()).as("the seed's relay first, then the user relay, once each")
                .containsExactly(new InetSocketAddress(LOOPBACK, seed.address().getPort() + 1), relay);
        assertThat(server.reservations()).isEqualTo(1);

        PeerAddress via = keeper.via().get(0);
        assertThat(via).isEqualTo(PeerAddress.relayed(relay, hiddenDht.signingKey().publicKey()));
        for (int i = 0; i < 3; i++) {
            byte[] answer = dialer.request(List.of(via), ECHO, ("n" + i).getBytes(StandardCharsets.UTF_8))
                    .get(5, TimeUnit.SECONDS);
            assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("echo n" + i);
        }
        assertThat(server.counters().get("circuits_opened")).isEqualTo(1);
        assertThat(server.counters().get("bytes_relayed")).isPositive();

        reach.publish(DialBackVerdict.UNREACHABLE);
        await().atMost(WAIT).until(() -> host.listening().isEmpty() && !listens(relay));
        await().atMost(WAIT).until(() -> keeper.relays().isEmpty());
        await().atMost(WAIT).until(() -> RelayDirectory.read(hiddenDht, new Random()).get(10, TimeUnit.SECONDS)
                .isEmpty());
        assertThat(host.advertised()).isEmpty();
    }

    @Test
    void theRelayIsWithdrawnAndClosedWhenThePeerStops() throws Exception {
        ReachService reach = reach(settings);
        reach.publish(DialBackVerdict.REACHABLE);
        RelayHost host = reach.relayHost().orElseThrow();
        await().atMost(WAIT).until(() -> host.advertised().isPresent());
        InetSocketAddress relay = host.listening().orElseThrow();

        reach.stop().get(15, TimeUnit.SECONDS);

        assertThat(listens(relay)).isFalse();
        await().atMost(WAIT).until(() -> RelayDirectory.read(hiddenDht, new Random()).get(10, TimeUnit.SECONDS)
                .isEmpty());
    }

    @Test
    void withTheSettingOffNothingListensAndNothingIsListed() throws Exception {
        MurmurSettings off = SettingsLoader.load(Optional.empty(), List.of("dht.requestTimeout=1s"));
        assertThat(off.timeline().relayForOthers()).isFalse();
        ReachService reach = reach(off);
        reach.publish(DialBackVerdict.REACHABLE);
        InetSocketAddress nextToLink = new InetSocketAddress(LOOPBACK, relayLink.address().getPort() + 1);
        keeper.want(true);

        assertThat(reach.relayHost()).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !listens(nextToLink)
                && RelayDirectory.read(hiddenDht, new Random()).get(10, TimeUnit.SECONDS).isEmpty()
                && keeper.relays().isEmpty());
    }

    @Test
    void aPeerOnLoopbackOnlyIsNeverCheckedSoItNeverRelaysEvenWithTheSettingOn() throws Exception {
        ReachService reach = reach(settings);
        reach.start();
        InetSocketAddress nextToLink = new InetSocketAddress(LOOPBACK, relayLink.address().getPort() + 1);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !listens(nextToLink));
        assertThat(reach.relayHost().orElseThrow().listening()).isEmpty();
    }

    /** The relay peer's reach service, as the peer wires it: stopped after the test. */
    private ReachService reach(MurmurSettings s) {
        ReachService reach = new ReachService(relayDht, new InetSocketAddress(LOOPBACK,
                relayLink.address().getPort()), List.of(seed.address()), PortMapper.NONE, Duration.ofMinutes(10),
                scheduler);
        reach.offerRelay(s.timeline(), Clock.systemUTC());
        reaches.add(reach);
        return reach;
    }

    private DhtNode node() throws Exception {
        DhtNode n = DhtNode.builder().settings(SettingsLoader.load(Optional.empty(), List.of("dht.requestTimeout=1s"))
                .dht()).bindAddress(ANY).build();
        n.start().get(5, TimeUnit.SECONDS);
        if (!nodes.isEmpty()) {
            n.bootstrap(List.of(nodes.get(0).address())).get(10, TimeUnit.SECONDS);
        }
        nodes.add(n);
        return n;
    }

    private PeerLink link(SigningKey key) throws Exception {
        PeerLink l = PeerLink.bind(ANY, LinkSettings.defaults()).get(5, TimeUnit.SECONDS);
        l.identity(key);
        links.add(l);
        return l;
    }

    private static boolean listens(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
