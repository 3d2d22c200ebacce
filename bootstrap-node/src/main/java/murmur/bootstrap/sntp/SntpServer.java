package murmur.bootstrap.sntp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers SNTP requests on one UDP socket, from one thread. Anything that is not a client request is dropped, counted
 * and logged at debug level; the server keeps answering. An answer is no larger than its request, so the server
 * cannot amplify spoofed traffic.
 */
public final class SntpServer {

    /** Told about every datagram: answered, or refused with a short reason. Must be thread-safe and not throw. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void answered() {
        }

        default void refused(String reason) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SntpServer.class);
    private static final int RECEIVE_BYTES = 512;
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final InetSocketAddress bindAddress;
    private final Clock clock;
    private final SntpResponder responder;
    private final Listener listener;
    private volatile DatagramSocket socket;
    private volatile Thread loop;

    public SntpServer(InetSocketAddress bindAddress, Clock clock, Listener listener) {
        this.bindAddress = bindAddress;
        this.clock = clock;
        this.responder = new SntpResponder(clock);
        this.listener = listener;
    }

    /** Binds the socket and starts answering; fails if the port is taken. */
    public synchronized CompletableFuture<Void> start() {
        try {
            socket = new DatagramSocket(bindAddress);
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        } catch (SocketException e) {
            return CompletableFuture.failedFuture(new IOException("cannot bind SNTP to " + bindAddress, e));
        }
        Thread t = new Thread(this::serve, "murmur-sntp");
        t.setDaemon(true);
        loop = t;
        t.start();
        LOG.info("SNTP answering on {}", localAddress());
        return CompletableFuture.completedFuture(null);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Closes the socket and waits for the serving thread to end. */
    public synchronized CompletableFuture<Void> stop() {
        DatagramSocket s = socket;
        Thread t = loop;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        s.close();
        return CompletableFuture.runAsync(() -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void serve() {
        DatagramSocket s = socket;
        byte[] buffer = new byte[RECEIVE_BYTES];
        while (!s.isClosed()) {
            DatagramPacket request = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(request);
            } catch (IOException e) {
                if (!s.isClosed()) {
                    LOG.warn("SNTP receive failed: {}", e.toString());
                }
                continue;
            }
            answer(s, request, clock.instant());
        }
    }

    private void answer(DatagramSocket s, DatagramPacket request, Instant receivedAt) {
        try {
            byte[] reply = responder.answer(request.getData(), request.getLength(), receivedAt);
            s.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
            listener.answered();
        } catch (SntpResponder.RefusedRequestException e) {
            listener.refused(e.reason());
            LOG.debug("dropped SNTP datagram from {}: {}", request.getSocketAddress(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("cannot answer {}: {}", request.getSocketAddress(), e.toString());
        }
    }
}
