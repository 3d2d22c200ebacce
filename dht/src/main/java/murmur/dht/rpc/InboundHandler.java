package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;

/** Answers requests that reach a node. {@code from} is the sender's source address as the transport saw it. */
public interface InboundHandler {
    CompletableFuture<Message> handle(InetSocketAddress from, Packet request);
}
