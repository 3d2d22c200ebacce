package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;
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

    /** Like {@link #request(InetSocketAddress, Message)}, waiting up to {@code timeout} for the answer. */
    default CompletableFuture<Packet> request(InetSocketAddress to, Message request, Duration timeout) {
        return request(to, request);
    }

    /**
     * Whether a DHT node answers a ping at {@code target} sent from a fresh socket, one that never talked to
     * it: a router that only lets in answers to what went out drops it. False when no answer came within
     * {@code timeout}, or when this transport cannot open another socket. Never throws.
     */
    default CompletableFuture<Boolean> probeUdp(InetSocketAddress target, Duration timeout) {
        return CompletableFuture.completedFuture(false);
    }

    /** Whether a TCP connection to {@code target} opens within {@code timeout}; closed at once. Never throws. */
    default CompletableFuture<Boolean> probeTcp(InetSocketAddress target, Duration timeout) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Client mode: while on, requests go out with sender port 0, so that the nodes asked answer but do not add this
     * node to their routing tables (it cannot be reached). Answers keep the real port. Transports that cannot do
     * this ignore it.
     */
    default void clientOnly(boolean on) {}

    /** Where other nodes reach this one. */
    InetSocketAddress localAddress();

    CompletableFuture<Void> close();
}
