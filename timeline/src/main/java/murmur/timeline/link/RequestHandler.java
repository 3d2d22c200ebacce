package murmur.timeline.link;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one type of request. Called on a worker thread, never an I/O thread. A handler that throws or whose future
 * fails sends the peer an error carrying the exception's message, so messages must not reveal secrets.
 */
@FunctionalInterface
public interface RequestHandler {

    /**
     * @param remote the address the connection comes from (its port is not the peer's listening port)
     * @param body   the request body, untrusted bytes
     * @return the response body
     */
    CompletableFuture<byte[]> handle(InetSocketAddress remote, byte[] body);
}
