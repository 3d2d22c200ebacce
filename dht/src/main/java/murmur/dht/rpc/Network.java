package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** What a node runs on: real sockets, or the deterministic in-memory simulator. */
public interface Network {
    /**
     * Opens this node's endpoint. {@code requested} may have port 0 for any free port. Outgoing packets carry
     * {@code nodeKey}, the node's raw public key.
     */
    CompletableFuture<Transport> bind(InetSocketAddress requested, byte[] nodeKey, InboundHandler handler);

    Scheduler scheduler();

    Clock clock();
}
