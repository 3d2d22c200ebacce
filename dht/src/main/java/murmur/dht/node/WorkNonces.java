package murmur.dht.node;

import java.util.LinkedHashMap;
import java.util.Map;
import murmur.dht.NodeId;
import murmur.dht.SetWork;

/**
 * The work nonces this node found, per set and writer, so that a writer's updates and tombstones in a set reuse the
 * work done for its first entry there instead of doing it again. In memory only; the most recently used
 * {@value #CAPACITY} pairs are kept.
 */
final class WorkNonces {
    static final int CAPACITY = 4096;

    /** A nonce and the work it proves. */
    record Found(long nonce, int bits) {}

    private record Pair(NodeId set, NodeId writer) {}

    private final Map<Pair, Found> found = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Found> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The most work remembered for {@code writer} in {@code set}; 0 when none. */
    synchronized int bits(NodeId set, byte[] writer) {
        Found f = found.get(new Pair(set, NodeId.ofPublicKey(writer)));
        return f == null ? 0 : f.bits();
    }

    /**
     * A nonce proving at least {@code bits} for {@code writer} in {@code set}: the remembered one if it does, else the
     * next one found after it (about {@code 2^bits} hashes: call this off any event loop). Remembers the result.
     */
    Found atLeast(NodeId set, byte[] writer, int bits) {
        Pair pair = new Pair(set, NodeId.ofPublicKey(writer));
        Found known;
        synchronized (this) {
            known = found.get(pair);
        }
        if (known != null && known.bits() >= bits) {
            return known;
        }
        long nonce = SetWork.find(set, writer, bits, known == null ? 0 : known.nonce() + 1);
        Found fresh = new Found(nonce, SetWork.bits(set, writer, nonce));
        remember(pair, fresh);
        return fresh;
    }

    /** Remembers a nonce a writer brought along, if it proves more than the one known. */
    void offer(NodeId set, byte[] writer, long nonce, int bits) {
        remember(new Pair(set, NodeId.ofPublicKey(writer)), new Found(nonce, bits));
    }

    private synchronized void remember(Pair pair, Found f) {
        found.merge(pair, f, (old, neu) -> neu.bits() > old.bits() ? neu : old);
    }
}
