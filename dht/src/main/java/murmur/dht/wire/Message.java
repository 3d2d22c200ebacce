package murmur.dht.wire;

import java.util.List;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;
import murmur.dht.routing.Contact;

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

    /** What a dial-back found: whether the UDP ping was answered and whether the TCP connect succeeded. */
    record DialBackResult(boolean udpReached, boolean tcpReached) implements Message {
        public boolean isRequest() {
            return false;
        }
    }
}
