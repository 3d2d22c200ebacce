package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** What a node runs on: real sockets, or the deterministic in-memory simulator. */
public interface Network {
    /**
     * Opens this node's endpoint. {@code requested} may have port 0 for any free port. Outgoing packets carry
     * {@code nodeKey}, the node's raw public key.
     */
    CompletableFuture<Transport> bind(InetSocketAddress requested, byte[] nodeKey, InboundHandler handler);

    Scheduler scheduler();

    Clock clock();

    /**
     * Where CPU-bound work of a node runs (the proof of work of set entries), away from the network's event loops.
     * Default: the common fork-join pool; the simulator runs it in its own thread to stay deterministic.
     */
    default Executor workers() {
        return ForkJoinPool.commonPool();
    }
}
