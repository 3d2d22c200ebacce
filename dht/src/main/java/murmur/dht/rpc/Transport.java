package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import murmur.dht.NodeId;
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
     * Tells the transport how to validate a requester's address: only to a validated one does a UDP answer go out
     * larger than {@link #AMPLIFICATION} times its request; for another, the answer waits until {@code validator}
     * has proven that the node claiming it answers there, and becomes "use TCP" (whose handshake proves the
     * address) when it cannot. Nobody can thus aim large answers at an address that did not ask. Transports that
     * cannot amplify (no datagrams) ignore it.
     */
    default void validatedBy(AddressValidator validator) {
    }

    /** Proves requesters' addresses (see {@link Transport#validatedBy}). */
    interface AddressValidator {
        /** Whether a node proved itself at {@code address} lately. */
        boolean isValidated(InetSocketAddress address);

        /** Proves that node {@code claimed} answers at {@code address}; completes with the outcome, never fails. */
        CompletableFuture<Boolean> validate(InetSocketAddress address, NodeId claimed);
    }

    /** The most a UDP answer to an address not validated may exceed its request by, as a factor (QUIC's rule). */
    int AMPLIFICATION = 3;

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
