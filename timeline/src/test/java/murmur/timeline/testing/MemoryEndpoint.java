package murmur.timeline.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.RpcTimeoutException;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;

/**
 * One DHT node's attachment to a {@link MemoryNetwork}. Dial-back probes keep {@link Transport}'s defaults (nothing
 * reached): nothing here dials, and a peer on loopback never asks for a dial-back anyway.
 */
final class MemoryEndpoint implements Transport {
    private final MemoryNetwork network;
    private final InetSocketAddress address;
    private final byte[] nodeKey;
    private final InboundHandler handler;
    private final Set<CompletableFuture<Packet>> unanswered = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;
    private volatile boolean clientOnly;

    MemoryEndpoint(MemoryNetwork network, InetSocketAddress address, byte[] nodeKey, InboundHandler handler) {
        this.network = network;
        this.address = address;
        this.nodeKey = nodeKey.clone();
        this.handler = handler;
    }

    @Override
    public CompletableFuture<Packet> request(InetSocketAddress to, Message request) {
        return network.send(this, to, request, network.requestTimeout());
    }

    @Override
    public CompletableFuture<Packet> request(InetSocketAddress to, Message request, Duration timeout) {
        return network.send(this, to, request, timeout);
    }

    /** Client mode: requests go out with sender port 0, so nobody adds this node to a routing table. */
    @Override
    public void clientOnly(boolean on) {
        clientOnly = on;
    }

    /** The listening port requests carry: 0 in client mode. */
    int senderPort() {
        return clientOnly ? 0 : address.getPort();
    }

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    /** Stops answering and fails every request of this node still waiting, as a closed socket does. */
    @Override
    public CompletableFuture<Void> close() {
        if (open) {
            open = false;
            network.unbind(this);
            unanswered.forEach(a -> a.completeExceptionally(new RpcTimeoutException(address, "closed")));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Tracks a request of this node until it is answered or fails. */
    void track(CompletableFuture<Packet> answer) {
        unanswered.add(answer);
        answer.whenComplete((p, e) -> unanswered.remove(answer));
        if (!open) {
            answer.completeExceptionally(new RpcTimeoutException(address, "closed"));
        }
    }

    boolean isOpen() {
        return open;
    }

    byte[] nodeKey() {
        return nodeKey;
    }

    InboundHandler handler() {
        return handler;
    }
}
