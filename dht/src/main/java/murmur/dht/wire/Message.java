package murmur.dht.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;
import murmur.dht.routing.Contact;
import murmur.transport.Ed25519;

/** The bodies of DHT messages. Requests and their responses; the wire format lives in {@link MessageCodec}. */
public sealed interface Message {
    /** True for messages that start an exchange, false for answers. */
    boolean isRequest();

    record Ping() implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    record Pong() implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    record FindNode(NodeId target) implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    record Nodes(List<Contact> contacts) implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    record FindValue(NodeId key) implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    record ValueFound(OwnedRecord record) implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    /** Asks for a page of a set: entries whose writer id sorts after {@code after} (null for the first page). */
    record FindSet(NodeId key, NodeId after, int limit) implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    record SetPage(NodeId key, List<SetEntry> entries, boolean more) implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    record Store(OwnedRecord record) implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    record StoreEntries(NodeId key, List<SetEntry> entries) implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    /** The outcome of a write: {@code accepted} entries stored; {@code status} is the first refusal, if any. */
    record StoreResult(WriteStatus status, int accepted) implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    /** The answer does not fit a datagram: ask again over TCP. */
    record UseTcp() implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    record ErrorReply(String reason) implements Message {
        public boolean isRequest() {
            return false;
        }
    }

    /**
     * Asks the answering node to check, from a socket this node has not contacted, whether it can be reached at the
     * address the request came from: a UDP ping to {@code udpPort} and a TCP connect to {@code tcpPort} (0: skip).
     * The ports are the ones a router mapped, if any; the address is never the requester's to choose.
     */
    record DialBack(int udpPort, int tcpPort) implements Message {
        public boolean isRequest() {
            return true;
        }
    }

    /**
     * Asks the answering node to prove that it holds the key behind its node id: it signs {@code nonce} (fresh,
     * {@link #PROOF_NONCE_BYTES} random bytes) after {@link #PROOF_TAG}. A node enters a routing table, or moves
     * there to a new address, only with such a proof.
     */
    record Prove(byte[] nonce) implements Message {
        public static final int PROOF_NONCE_BYTES = 16;
        /** What the signature covers before the nonce, so that it can mean nothing else. */
        public static final byte[] PROOF_TAG = "murmur-dht-node-proof-v1".getBytes(StandardCharsets.US_ASCII);

        public Prove {
            if (nonce.length != PROOF_NONCE_BYTES) {
                throw new IllegalArgumentException("a proof nonce has " + PROOF_NONCE_BYTES + " bytes");
            }
            nonce = nonce.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        /** The bytes the answering node signs. */
        public byte[] signed() {
            byte[] out = Arrays.copyOf(PROOF_TAG, PROOF_TAG.length + nonce.length);
            System.arraycopy(nonce, 0, out, PROOF_TAG.length, nonce.length);
            return out;
        }

        public boolean isRequest() {
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Prove p && Arrays.equals(nonce, p.nonce);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nonce);
        }

        @Override
        public String toString() {
            return "Prove[" + HexFormat.of().formatHex(nonce) + "]";
        }
    }

    /** The answer to {@link Prove}: an Ed25519 signature, by the key in the answer's envelope, over its bytes. */
    record Proof(byte[] signature) implements Message {
        public Proof {
            if (signature.length != Ed25519.SIGNATURE_BYTES) {
                throw new IllegalArgumentException("a signature has " + Ed25519.SIGNATURE_BYTES + " bytes");
            }
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public boolean isRequest() {
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Proof p && Arrays.equals(signature, p.signature);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(signature);
        }

        @Override
        public String toString() {
            return "Proof[" + HexFormat.of().formatHex(signature, 0, 8) + "…]";
        }
    }

    /** What a dial-back found: whether the UDP ping was answered and whether the TCP connect succeeded. */
    record DialBackResult(boolean udpReached, boolean tcpReached) implements Message {
        public boolean isRequest() {
            return false;
        }
    }
}
