package murmur.timeline.session;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** Sends one request straight to another peer and completes with its answer (the peer link, in production). */
@FunctionalInterface
public interface Direct {
    CompletableFuture<byte[]> request(InetSocketAddress to, int type, byte[] body);
}
