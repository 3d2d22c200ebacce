package murmur.timeline.clock;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

/** An SNTP server on loopback whose time is a given clock plus a skew, and which can be told to misbehave. */
final class FakeSntpServer implements AutoCloseable {

    /** How the server treats a request. */
    enum Behaviour { ANSWER, SILENT, GARBAGE, KISS_OF_DEATH, WRONG_ORIGIN }

    private final DatagramSocket socket;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration skew = Duration.ZERO;
    private volatile Behaviour behaviour = Behaviour.ANSWER;

    FakeSntpServer(Clock clock) throws SocketException {
        this.clock = clock;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread serving = new Thread(this::serve, "fake-sntp");
        serving.setDaemon(true);
        serving.start();
    }

    FakeSntpServer skew(Duration next) {
        skew = next;
        return this;
    }

    FakeSntpServer behave(Behaviour next) {
        behaviour = next;
        return this;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    int requests() {
        return requests.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            NtpV3Impl request = new NtpV3Impl();
            DatagramPacket in = request.getDatagramPacket();
            try {
                socket.receive(in);
                requests.incrementAndGet();
                answer(request, (InetSocketAddress) in.getSocketAddress());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(NtpV3Impl request, InetSocketAddress client) throws IOException {
        Behaviour now = behaviour;
        if (now == Behaviour.SILENT) {
            return;
        }
        DatagramPacket out;
        if (now == Behaviour.GARBAGE) {
            byte[] junk = "this is not an NTP packet, not at all".getBytes(StandardCharsets.US_ASCII);
            out = new DatagramPacket(junk, junk.length);
        } else {
            out = reply(request, now).getDatagramPacket();
        }
        out.setSocketAddress(client);
        socket.send(out);
    }

    private NtpV3Impl reply(NtpV3Impl request, Behaviour now) {
        TimeStamp serverTime = TimeStamp.getNtpTime(clock.millis() + skew.toMillis());
        NtpV3Impl reply = new NtpV3Impl();
        reply.setMode(NtpV3Packet.MODE_SERVER);
        reply.setVersion(NtpV3Packet.VERSION_3);
        reply.setStratum(now == Behaviour.KISS_OF_DEATH ? 0 : 2);
        reply.setOriginateTimeStamp(now == Behaviour.WRONG_ORIGIN
                ? TimeStamp.getNtpTime(0x7fff_0000L) : request.getTransmitTimeStamp());
        reply.setReceiveTimeStamp(serverTime);
        reply.setReferenceTime(serverTime);
        reply.setTransmitTime(serverTime);
        return reply;
    }

    @Override
    public void close() {
        socket.close();
    }
}
