package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;

/** Carries requests to other nodes and brings back their answers. One per node. */
public interface Transport {
    /**
     * Sends {@code request} to {@code to}. Completes with the answer, or exceptionally with
     * {@link RpcTimeoutException} when none came in time. Never throws.
     */
    CompletableFuture<Packet> request(InetSocketAddress to, Message request);

    /** Where other nodes reach this one. */
    InetSocketAddress localAddress();

    CompletableFuture<Void> close();
}
