package murmur.dht.wire;

import murmur.dht.Ed25519;
import murmur.dht.NodeId;

/**
 * One message on the wire with its envelope: a request id that pairs an answer with its request, and the sender's
 * raw public key (its node id is the key's hash) and listening port.
 */
public record Packet(long requestId, byte[] senderKey, int senderPort, Message body) {
    public Packet {
        if (senderKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("sender key must have 32 bytes");
        }
    }

    public NodeId senderId() {
        return NodeId.ofPublicKey(senderKey);
    }
}
