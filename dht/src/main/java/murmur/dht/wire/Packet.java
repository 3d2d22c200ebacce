package murmur.dht.wire;

import java.net.InetSocketAddress;
import murmur.dht.NodeId;
import murmur.transport.Ed25519;

/**
 * One message on the wire with its envelope: a request id that pairs an answer with its request, the sender's raw
 * public key (its node id is the key's hash) and listening port, and, in answers, the address the request came
 * from as the answering node saw it ({@code observed}, null in requests and when unknown): how a node behind a
 * router learns the address others see. A request with sender port 0 comes from a node in client mode: it does not
 * listen for requests, so no routing table takes it in.
 */
public record Packet(long requestId, byte[] senderKey, int senderPort, Message body, InetSocketAddress observed) {
    public Packet {
        if (senderKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("sender key must have 32 bytes");
        }
        if (senderPort < 0 || senderPort > 0xffff || senderPort == 0 && !body.isRequest()) {
            throw new IllegalArgumentException("sender port " + senderPort + (senderPort == 0 ? " in an answer" : ""));
        }
        if (observed != null && body.isRequest()) {
            throw new IllegalArgumentException("only answers carry an observed address");
        }
    }

    /** A packet without an observed address: every request, and answers from transports that cannot tell. */
    public Packet(long requestId, byte[] senderKey, int senderPort, Message body) {
        this(requestId, senderKey, senderPort, body, null);
    }

    /** Whether the sender is in client mode: it asks, but takes no requests and belongs in no routing table. */
    public boolean fromClient() {
        return senderPort == 0;
    }

    public NodeId senderId() {
        return NodeId.ofPublicKey(senderKey);
    }
}
