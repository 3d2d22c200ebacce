package murmur.dht.net;

import static murmur.dht.net.DhtNetworkIT.bytes;
import static murmur.dht.net.DhtNetworkIT.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import murmur.config.SettingsLoader;
import murmur.dht.OwnedRecord;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attack: using nodes as amplifiers. A UDP request costs its sender ~60 bytes and can carry any source address;
 * before address validation a FIND_VALUE was answered with the whole record (15x and more) to whatever address it
 * named, and a PING with a fresh id made the node hand off every record that id was close to, to that address.
 * Now an answer larger than three times its request goes out over UDP only once the node claiming that address
 * has signed a challenge sent there, else it is "use TCP"; a requester that pads its request (zeros, as QUIC pads
 * its first packet) gets an answer up to three times the padded size at once; and hand-offs go only to proven
 * contacts. (Failed on the old code: the spoofable socket got the record, and STOREs.)
 */
@Timeout(60)
class AmplificationAttackIT {
    private final LoopbackCluster cluster = new LoopbackCluster(SettingsLoader.defaults().dht());
    private final MessageCodec codec = new MessageCodec(1 << 20, 1000);
    private DhtNode target;
    private OwnedRecord alice;

    @BeforeEach
    void start() {
        cluster.grow(5);
        target = cluster.nodes.get(2);
        alice = record(SigningKey.generate(), "user/alice", bytes("a".repeat(400)), 1);
        target.put(alice).join();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aLargeAnswerDoesNotGoToAnAddressThatNeverProvedItself() throws Exception {
        try (DatagramSocket victim = new DatagramSocket()) {
            byte[] request = encode(new Message.FindValue(alice.key()), SigningKey.generate(), victim.getLocalPort());
            victim.send(new DatagramPacket(request, request.length, target.address()));

            // The victim (whose address the request named) never answers the node's challenge.
            List<Packet> arrived = receive(victim, 4000);
            long sent = arrived.stream().filter(p -> !p.body().isRequest()).count();
            assertThat(arrived).as("what reached the victim").noneMatch(p -> p.body() instanceof Message.ValueFound);
            assertThat(arrived).filteredOn(p -> !p.body().isRequest())
                    .allMatch(p -> p.body() instanceof Message.UseTcp);
            assertThat(sent).isLessThanOrEqualTo(1);
            assertThat(bytesOf(arrived)).as("bytes at the victim for a request of %d", request.length)
                    .isLessThanOrEqualTo(3L * request.length + 100);
        }
    }

    @Test
    void aRequesterThatProvesItsAddressGetsTheRecordOverUdp() throws Exception {
        SigningKey key = SigningKey.generate();
        try (DatagramSocket honest = new DatagramSocket()) {
            honest.setSoTimeout(4000);
            byte[] request = encode(new Message.FindValue(alice.key()), key, honest.getLocalPort());
            honest.send(new DatagramPacket(request, request.length, target.address()));
            Message answer = null;
            while (answer == null) {
                DatagramPacket in = new DatagramPacket(new byte[65536], 65536);
                honest.receive(in);
                Packet p = codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
                if (p.body() instanceof Message.Prove prove) {
                    byte[] proof = codec.encode(new Packet(p.requestId(), key.publicKey(), honest.getLocalPort(),
                            new Message.Proof(key.sign(prove.signed())), null));
                    honest.send(new DatagramPacket(proof, proof.length, in.getSocketAddress()));
                } else if (!p.body().isRequest()) {
                    answer = p.body();
                }
            }
            assertThat(answer).isEqualTo(new Message.ValueFound(alice));
        }
    }

    @Test
    void aRequestPaddedToAThirdOfADatagramGetsTheRecordAtOnceWithoutAChallenge() throws Exception {
        try (DatagramSocket fresh = new DatagramSocket()) {
            fresh.setSoTimeout(4000);
            int padTo = SettingsLoader.defaults().dht().udpMaxPayload() / 3;
            Packet find = new Packet(ThreadLocalRandom.current().nextLong(), SigningKey.generate().publicKey(),
                    fresh.getLocalPort(), new Message.FindValue(alice.key()));
            byte[] request = codec.encode(find, padTo);
            fresh.send(new DatagramPacket(request, request.length, target.address()));

            // The node may ask the newcomer to prove its key (to take it into its table); it is never answered.
            DatagramPacket in;
            Packet first;
            do {
                in = new DatagramPacket(new byte[65536], 65536);
                fresh.receive(in);
                first = codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
            } while (first.body().isRequest());
            assertThat(first.body()).as("the answer: the record, with no proof asked and no use-TCP")
                    .isEqualTo(new Message.ValueFound(alice));
            assertThat(in.getLength()).isLessThanOrEqualTo(3 * request.length);
        }
    }

    @Test
    void aPingWithAFreshIdHandsNothingOffToAnAddressThatNeverProvedItself() throws Exception {
        try (DatagramSocket claimed = new DatagramSocket()) {
            byte[] ping = encode(new Message.Ping(), SigningKey.generate(), claimed.getLocalPort());
            for (DhtNode node : cluster.nodes) {
                claimed.send(new DatagramPacket(ping, ping.length, node.address()));
            }

            List<Packet> arrived = receive(claimed, 4000);
            assertThat(arrived).as("requests the claimed address got").filteredOn(p -> p.body().isRequest())
                    .allMatch(p -> p.body() instanceof Message.Prove);
            assertThat(cluster.nodes).allMatch(n -> n.identityProofsFailed() <= 1);
        }
    }

    private byte[] encode(Message request, SigningKey key, int port) {
        return codec.encode(new Packet(ThreadLocalRandom.current().nextLong(), key.publicKey(), port, request));
    }

    /** Every packet that reaches {@code socket} until it has been quiet for {@code quietMillis}. */
    private List<Packet> receive(DatagramSocket socket, int quietMillis) throws IOException {
        socket.setSoTimeout(quietMillis);
        List<Packet> packets = new ArrayList<>();
        while (true) {
            DatagramPacket in = new DatagramPacket(new byte[65536], 65536);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException quiet) {
                return packets;
            }
            try {
                Packet p = codec.decode(Arrays.copyOf(in.getData(), in.getLength()));
                packets.add(p);
            } catch (MalformedInputException e) {
                throw new AssertionError("a node sent bytes that do not decode", e);
            }
        }
    }

    private long bytesOf(List<Packet> packets) {
        return packets.stream().mapToLong(p -> codec.encode(p).length).sum();
    }
}
