package murmur.dht.wire;

import java.net.InetSocketAddress;
import murmur.dht.NodeId;
import murmur.transport.Ed25519;

/**
 * One message on the wire with its envelope: a request id that pairs an answer with its request, the sender's raw
 * public key (its node id is the key's hash) and listening port, and, in answers, the address the request came
 * from as the answering node saw it ({@code observed}, null in requests and when unknown): how a node behind a
 * router learns the address others see.
 */
public record Packet(long requestId, byte[] senderKey, int senderPort, Message body, InetSocketAddress observed) {
    public Packet {
        if (senderKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("sender key must have 32 bytes");
        }
        if (observed != null && body.isRequest()) {
            throw new IllegalArgumentException("only answers carry an observed address");
        }
    }

    /** A packet without an observed address: every request, and answers from transports that cannot tell. */
    public Packet(long requestId, byte[] senderKey, int senderPort, Message body) {
        this(requestId, senderKey, senderPort, body, null);
    }

    public NodeId senderId() {
        return NodeId.ofPublicKey(senderKey);
    }
}
