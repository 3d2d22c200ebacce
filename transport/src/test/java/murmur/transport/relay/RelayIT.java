package murmur.transport.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import murmur.transport.TestSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A relay on loopback with real sockets: circuits, refusals, limits, hostile input. */
class RelayIT {
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final TestSigner peer = new TestSigner(1);
    private final TestSigner other = new TestSigner(2);
    private final TestSigner dialer = new TestSigner(3);
    private RelayServer relay;

    @AfterEach
    void stop() throws Exception {
        if (relay != null) {
            relay.close().get(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void aDialerReachesAReservedPeerThroughTheRelay() throws Exception {
        start(RelayLimits.defaults());
        RelayEnds.echoingPeer(group, relay.address(), peer);
        RelayEnds.Dialer d = RelayEnds.dial(group, relay.address(), dialer, peer.publicKey());
        d.send(new byte[] {1, 2});
        d.send(new byte[] {3});

        await().atMost(10, TimeUnit.SECONDS).until(() -> d.received.size() == 2);
        assertThat(d.received).containsExactly(new byte[] {'e', 1, 2}, new byte[] {'e', 3});
        assertThat(relay.reservations()).isEqualTo(1);
        assertThat(relay.circuits()).isEqualTo(1);
        assertThat(relay.counters().get("bytes_relayed")).isPositive();
        d.channel.close();
        await().atMost(5, TimeUnit.SECONDS).until(() -> relay.circuits() == 0);
    }

    @Test
    void aCircuitToAKeyNobodyReservedIsRefusedInWords() throws Exception {
        start(RelayLimits.defaults());
        RelayEnds.Dialer d = RelayEnds.dial(group, relay.address(), dialer, other.publicKey());

        assertThatThrownBy(() -> d.open.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RelayRefusedException.class)
                .hasMessageContaining("no peer with that key");
        assertThat(relay.counters().get("refused_unknown_peer")).isEqualTo(1);
    }

    @Test
    void aReservationSignedByAnotherKeyIsRefused() throws Exception {
        start(RelayLimits.defaults());
        try (Socket raw = new Socket("127.0.0.1", relay.address().getPort())) {
            byte[] challenge = read(raw);
            assertThat(RelayCodec.decode(challenge)).isInstanceOf(RelayMessage.Challenge.class);
            byte[] nonce = ((RelayMessage.Challenge) RelayCodec.decode(challenge)).nonce();
            // Mallory claims peer's key, signing with her own.
            write(raw, RelayCodec.encode(new RelayMessage.Reserve(peer.publicKey(),
                    other.sign(RelayCodec.reservationProof(nonce)))));
            assertThat(RelayCodec.decode(read(raw))).isInstanceOf(RelayMessage.Refused.class);
        }
        assertThat(relay.counters().get("refused_bad_signature")).isEqualTo(1);
        assertThat(relay.reservations()).isZero();
        assertServesOthers();
    }

    @Test
    void junkAndOversizedFramesAreRefusedAndCounted() throws Exception {
        start(RelayLimits.defaults());
        try (Socket raw = new Socket("127.0.0.1", relay.address().getPort())) {
            read(raw);
            write(raw, new byte[] {1, 77, 0});
            assertThat(RelayCodec.decode(read(raw))).isEqualTo(new RelayMessage.Refused(
                    "malformed relay message: unknown relay message type 77"));
        }
        try (Socket raw = new Socket("127.0.0.1", relay.address().getPort())) {
            read(raw);
            new DataOutputStream(raw.getOutputStream()).writeInt(Integer.MAX_VALUE);
            assertThat(RelayCodec.decode(read(raw))).isInstanceOf(RelayMessage.Refused.class);
        }
        try (Socket raw = new Socket("127.0.0.1", relay.address().getPort())) {
            read(raw);
            write(raw, RelayCodec.encode(new RelayMessage.Accept(42)));
            assertThat(RelayCodec.decode(read(raw))).isInstanceOf(RelayMessage.Refused.class);
        }
        assertThat(relay.counters().snapshot()).containsEntry("refused_malformed", 1L)
                .containsEntry("refused_oversized", 1L).containsEntry("refused_unknown_circuit", 1L);
        assertServesOthers();
    }

    @Test
    void aConnectionWithoutACircuitMayNotSendBigFrames() throws Exception {
        start(RelayLimits.defaults());
        try (Socket raw = new Socket("127.0.0.1", relay.address().getPort())) {
            read(raw);
            new DataOutputStream(raw.getOutputStream()).writeInt(RelayServer.CONTROL_FRAME_BYTES + 1);
            assertThat(RelayCodec.decode(read(raw))).isInstanceOf(RelayMessage.Refused.class);
        }
        assertThat(relay.counters().get("refused_oversized")).isEqualTo(1);
    }

    @Test
    void oneDialerCannotTakeEveryCircuitToAPeer() throws Exception {
        start(RelayLimits.defaults());
        RelayEnds.echoingPeer(group, relay.address(), peer);
        List<RelayEnds.Dialer> open = new ArrayList<>();
        for (int i = 0; i < RelayServer.CIRCUITS_PER_DIALER_AND_PEER; i++) {
            RelayEnds.Dialer d = RelayEnds.dial(group, relay.address(), dialer, peer.publicKey());
            d.open.get(10, TimeUnit.SECONDS);
            open.add(d);
        }
        RelayEnds.Dialer oneTooMany = RelayEnds.dial(group, relay.address(), dialer, peer.publicKey());

        assertThatThrownBy(() -> oneTooMany.open.get(10, TimeUnit.SECONDS)).hasMessageContaining("as many circuits");
        assertThat(relay.counters().get("refused_dialer_circuits")).isEqualTo(1);
        open.get(0).channel.close();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> relay.circuits() == RelayServer.CIRCUITS_PER_DIALER_AND_PEER - 1);
        RelayEnds.dial(group, relay.address(), dialer, peer.publicKey()).open.get(10, TimeUnit.SECONDS);
    }

    @Test
    void circuitsOpenedInALoopAreRefusedPastTheRate() throws Exception {
        start(RelayLimits.defaults().withCircuitRate(2));
        RelayEnds.echoingPeer(group, relay.address(), peer);
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            RelayEnds.Dialer d = RelayEnds.dial(group, relay.address(), dialer, peer.publicKey());
            try {
                d.open.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                refused++;
            }
            d.channel.close();
        }
        assertThat(refused).as("circuits refused of 12 in a burst of 4").isGreaterThanOrEqualTo(6);
        assertThat(relay.counters().get("refused_circuit_rate")).isGreaterThanOrEqualTo(6);
        // A circuit closed just before may not have left the relay's books yet: the per-dialer cap can refuse too.
        assertThat(relay.counters().get("refused_circuit_rate") + relay.counters().get("refused_dialer_circuits"))
                .isEqualTo(refused);
    }

    @Test
    void aPeerSendingPastItsTotalIsCutAndAnotherPeerIsNotAffected() throws Exception {
        start(RelayLimits.defaults().withPeerBytes(10 << 20, 100_000));
        RelayEnds.echoingPeer(group, relay.address(), peer);
        RelayEnds.echoingPeer(group, relay.address(), other);
        RelayEnds.Dialer heavy = RelayEnds.dial(group, relay.address(), dialer, peer.publicKey());
        RelayEnds.Dialer light = RelayEnds.dial(group, relay.address(), dialer, other.publicKey());
        heavy.open.get(10, TimeUnit.SECONDS);
        light.open.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            heavy.send(new byte[10_000]);
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> !heavy.channel.isOpen());
        assertThat(relay.counters().get("cut_bytes")).isEqualTo(1);
        light.send(new byte[] {7});
        await().atMost(10, TimeUnit.SECONDS).until(() -> light.received.size() == 1);
    }

    @Test
    void aPeerSendingPastItsRateIsSlowedNotCut() throws Exception {
        start(RelayLimits.defaults().withPeerBytes(200_000, 1L << 30));
        RelayEnds.echoingPeer(group, relay.address(), peer);
        RelayEnds.Dialer d = RelayEnds.dial(group, relay.address(), dialer, peer.publicKey());
        d.open.get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            d.send(new byte[20_000]);
        }
        // 30 x 20 kB out and back is 1.2 MB at 200 kB/s after a 200 kB burst: at least about 5 s.
        await().atMost(30, TimeUnit.SECONDS).until(() -> d.received.size() == 30);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isGreaterThan(3.5);
        assertThat(relay.counters().get("slowed")).isPositive();
        assertThat(relay.counters().get("cut_bytes")).isZero();
        assertThat(d.channel.isOpen()).isTrue();
    }

    private void assertServesOthers() throws Exception {
        RelayEnds.echoingPeer(group, relay.address(), other);
        RelayEnds.Dialer d = RelayEnds.dial(group, relay.address(), dialer, other.publicKey());
        d.send(new byte[] {9});
        await().atMost(10, TimeUnit.SECONDS).until(() -> d.received.size() == 1);
    }

    private void start(RelayLimits limits) throws Exception {
        relay = RelayServer.start(group, new InetSocketAddress("127.0.0.1", 0), limits).get(5, TimeUnit.SECONDS);
    }

    private static byte[] read(Socket s) throws Exception {
        s.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private static void write(Socket s, byte[] frame) throws Exception {
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }
}
