package murmur.timeline.session;

import murmur.timeline.link.PeerAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request straight to another peer and completes with its answer (the peer link, in production). The peer
 * is known by every address it published, best first; the sender races them and uses the first that connects.
 */
@FunctionalInterface
public interface Direct {
    CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body);
}
