package murmur.timeline.session;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request straight to another peer and completes with its answer (the peer link, in production). The peer
 * is known by every address it published, best first; the sender races them and uses the first that connects.
 */
@FunctionalInterface
public interface Direct {
    CompletableFuture<byte[]> request(List<InetSocketAddress> to, int type, byte[] body);
}
