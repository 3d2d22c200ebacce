package murmur.dht.net;

import static murmur.dht.net.DhtNetworkIT.bytes;
import static murmur.dht.net.DhtNetworkIT.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.WriteStatus;
import murmur.dht.wire.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bytes a real node would never send, over real sockets: the node refuses or drops them and keeps serving. */
@Timeout(120)
class HostileInputIT {
    private final LoopbackCluster cluster = new LoopbackCluster(SettingsLoader.defaults().dht());
    private final RawPeer peer = new RawPeer();
    private DhtNode target;
    private OwnedRecord alice;

    @BeforeEach
    void start() {
        cluster.grow(5);
        target = cluster.nodes.get(2);
        alice = record(SigningKey.generate(), "user/alice", bytes("alice"), 2);
        target.put(alice).join();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void oversizedForgedAndStaleStoresGetTheirRefusalOverTcpAndUdp() throws Exception {
        SigningKey owner = SigningKey.generate();
        OwnedRecord oversized = record(owner, "big", new byte[cluster.settings.maxValueBytes() + 1], 1);
        assertThat(peer.tcp(target.address(), new Message.Store(oversized)))
                .isEqualTo(new Message.StoreResult(WriteStatus.TOO_LARGE, 0));

        OwnedRecord genuine = record(owner, "small", bytes("genuine"), 1);
        OwnedRecord tampered = new OwnedRecord(genuine.key(), bytes("tampered"), genuine.seq(),
                genuine.issuedAtMillis(), genuine.ttlSeconds(), genuine.owner(), genuine.signature());
        assertThat(peer.udp(target.address(), new Message.Store(tampered)))
                .isEqualTo(new Message.StoreResult(WriteStatus.BAD_SIGNATURE, 0));

        OwnedRecord stale = record(SigningKey.generate(), "user/alice", bytes("mallory"), 5);
        assertThat(peer.udp(target.address(), new Message.Store(stale)))
                .isEqualTo(new Message.StoreResult(WriteStatus.FORBIDDEN, 0));

        assertThat(peer.tcp(target.address(), new Message.FindValue(alice.key())))
                .isEqualTo(new Message.ValueFound(alice));
    }

    @Test
    void streamsOfRandomBytesAtBothPortsNeverStopTheNode() throws Exception {
        Random random = new Random(11);
        InetSocketAddress address = target.address();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 5000; i++) {
                byte[] junk = new byte[random.nextInt(1400)];
                random.nextBytes(junk);
                if (i % 3 == 0 && junk.length > 2) {
                    junk[0] = 0x4D;
                    junk[1] = 1;
                }
                socket.send(new DatagramPacket(junk, junk.length, address));
            }
        }
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                byte[] junk = new byte[random.nextInt(4000)];
                random.nextBytes(junk);
                out.writeInt(i % 2 == 0 ? Integer.MAX_VALUE : junk.length);
                out.write(junk);
                out.flush();
            } catch (java.io.IOException closedByNode) {
                // the node may hang up first; that is the point
            }
        }

        assertThat(peer.udp(address, new Message.Ping())).isEqualTo(new Message.Pong());
        assertThat(peer.tcp(address, new Message.FindValue(alice.key()))).isEqualTo(new Message.ValueFound(alice));
        assertThat(cluster.nodes.get(0).get(NodeId.ofKey("user/alice")).join()).contains(alice);
    }
}
