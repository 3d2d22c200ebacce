package murmur.dht.sim;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;

/** One node's attachment to a {@link SimNetwork}. */
final class SimEndpoint implements Transport {
    final SimNetwork network;
    final InetSocketAddress address;
    final byte[] nodeKey;
    final InboundHandler handler;
    boolean alive = true;
    /** Client mode: requests carry sender port 0 ({@link Transport#clientOnly}). */
    volatile boolean clientOnly;

    SimEndpoint(SimNetwork network, InetSocketAddress address, byte[] nodeKey, InboundHandler handler) {
        this.network = network;
        this.address = address;
        this.nodeKey = nodeKey.clone();
        this.handler = handler;
    }

    @Override
    public CompletableFuture<Packet> request(InetSocketAddress to, Message request) {
        return network.send(this, to, request);
    }

    @Override
    public void clientOnly(boolean on) {
        clientOnly = on;
    }

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    @Override
    public CompletableFuture<Void> close() {
        alive = false;
        return CompletableFuture.completedFuture(null);
    }
}
