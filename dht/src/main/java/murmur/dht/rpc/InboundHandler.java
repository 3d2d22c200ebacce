package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;

/** Answers requests that reach a node. {@code from} is the sender's source address as the transport saw it. */
public interface InboundHandler {
    CompletableFuture<Message> handle(InetSocketAddress from, Packet request);

    /** Input from {@code from} (null when unknown) was dropped; {@code reason} as in {@code DhtObserver#refused}. */
    default void refused(InetSocketAddress from, String reason) {
    }
}
