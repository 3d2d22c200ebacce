package murmur.dht.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import murmur.dht.SigningKey;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;

/** A hand-rolled peer that speaks the wire format over plain JDK sockets, to send what a real node never would. */
final class RawPeer {
    private final MessageCodec codec = new MessageCodec(1 << 20, 1000);
    private final SigningKey key = SigningKey.generate();

    Message udp(InetSocketAddress to, Message request) throws IOException, MalformedInputException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(3000);
            byte[] bytes = encode(request, socket.getLocalPort());
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            // The node may challenge this socket to prove its key first; a raw peer never does, and waits on.
            while (true) {
                byte[] buf = new byte[65536];
                DatagramPacket answer = new DatagramPacket(buf, buf.length);
                socket.receive(answer);
                Message body = codec.decode(Arrays.copyOf(buf, answer.getLength())).body();
                if (!body.isRequest()) {
                    return body;
                }
            }
        }
    }

    Message tcp(InetSocketAddress to, Message request) throws IOException, MalformedInputException {
        try (Socket socket = new Socket(to.getAddress(), to.getPort())) {
            socket.setSoTimeout(3000);
            byte[] bytes = encode(request, 9);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            return codec.decode(answer).body();
        }
    }

    private byte[] encode(Message request, int port) {
        return codec.encode(new Packet(ThreadLocalRandom.current().nextLong(), key.publicKey(), port, request));
    }
}
