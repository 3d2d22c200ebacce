package murmur.dht.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import murmur.dht.SigningKey;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;

/** A node on plain JDK sockets that answers every ping with a pong claiming the requester came from {@code lie}. */
final class LyingNode implements AutoCloseable {
    private final MessageCodec codec = new MessageCodec(1 << 20, 1000);
    private final SigningKey key = SigningKey.generate();
    private final DatagramSocket socket;

    LyingNode(InetSocketAddress bind, InetSocketAddress lie) throws IOException {
        socket = new DatagramSocket(bind);
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    socket.receive(in);
                    Packet request = codec.decode(Arrays.copyOf(buf, in.getLength()));
                    if (request.body() instanceof Message.Ping) {
                        byte[] out = codec.encode(new Packet(request.requestId(), key.publicKey(),
                                socket.getLocalPort(), new Message.Pong(), lie));
                        socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
                    }
                } catch (IOException | MalformedInputException e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }, "lying-node");
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        socket.close();
    }
}
