package murmur.dht.sim;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import murmur.dht.NodeId;
import murmur.dht.node.DhtNode;
import murmur.dht.routing.Contact;
import murmur.dht.routing.RoutingTable;

/**
 * The routing tables a network of known nodes would have once it converged, handed to each node directly instead of
 * being learned through join lookups and proofs of identity: the simulator's cheap join. Bucket i of a node holds
 * the nodes whose ids share exactly i leading bits with its own; a converged Kademlia node holds all of them when
 * there are at most k, else k of them (here sampled uniformly, seeded). With the ids sorted, the nodes that share
 * at least i bits with a node are one run of the sorted array around it, so every bucket's candidates are found by
 * binary search, in O(log N) per bucket, and a whole network of N nodes in O(N log^2 N).
 *
 * <p>The real join ({@link DhtSimulation#grow}) leaves a far bucket holding mostly the nodes around the one random id
 * its refresh looked up, not a uniform sample of the bucket's range: the same number of contacts, but a reader is
 * less likely to know a replica of a random key, so its reads take up to one hop more (hops p50/p99 2/3 against
 * 1/2 here at 1,000 nodes, 2/4 against 2/3 at 10,000; every record found either way). Contacts that die are
 * replaced by those a node meets in its traffic, which tends to spread the buckets of a network that has run for a
 * while like this sample. The sample is not symmetric either (a node rarely holds those that hold it), and all its
 * contacts turn stale at once, a minute after the join: a stranger's request to a full bucket then has the node
 * ping its least recently seen member, which seldom holds the pinger and pings its own, so the reads and writes
 * set off many more such pings than after the real join (simulation time, not hops or success).
 *
 * <p>A node keeps its table to itself (a real one must learn and prove its contacts): the simulator reaches the table
 * a started node built through reflection, test code only.
 */
final class ConvergedTables {
    private static final MethodHandle CONTEXT;
    private static final MethodHandle ROUTING;

    static {
        try {
            Field ctx = DhtNode.class.getDeclaredField("ctx");
            ctx.setAccessible(true);
            Method routing = ctx.getType().getDeclaredMethod("routing");
            routing.setAccessible(true);
            CONTEXT = MethodHandles.lookup().unreflectGetter(ctx);
            ROUTING = MethodHandles.lookup().unreflect(routing);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Contact[] sorted;
    private final int k;
    private final Random random;

    /** Over {@code contacts} (one per node, any order), k contacts per bucket at most, sampled with {@code random}. */
    ConvergedTables(List<Contact> contacts, int k, Random random) {
        this.sorted = contacts.toArray(Contact[]::new);
        Arrays.sort(sorted, (a, b) -> a.id().compareTo(b.id()));
        this.k = k;
        this.random = random;
    }

    /**
     * The contacts the converged table of the node with id {@code self} holds (that node among the contacts), bucket
     * by bucket from the farthest (bucket 0, half the network) to its closest neighbours.
     */
    List<Contact> tableOf(NodeId self) {
        int p = Arrays.binarySearch(sorted, new Contact(self, null), (a, b) -> a.id().compareTo(b.id()));
        if (p < 0) {
            throw new IllegalArgumentException("not one of the nodes: " + self);
        }
        List<Contact> table = new ArrayList<>();
        // [lo, hi): the ids sharing at least `bits` leading bits with self; it always holds p.
        int lo = 0;
        int hi = sorted.length;
        for (int bits = 0; hi - lo > 1 && bits < NodeId.BITS; bits++) {
            int closerLo = firstSharing(self, bits + 1, lo, p);
            int closerHi = firstNotSharing(self, bits + 1, p + 1, hi);
            // Bucket `bits`: the ids whose bit `bits` differs from self's, on one side of the closer ones.
            int from = closerLo > lo ? lo : closerHi;
            int to = closerLo > lo ? closerLo : hi;
            if (to - from <= k) {
                table.addAll(Arrays.asList(sorted).subList(from, to));
            } else {
                sample(from, to, table);
            }
            lo = closerLo;
            hi = closerHi;
        }
        return table;
    }

    /** Puts {@code contacts} in {@code node}'s routing table as if each had answered it just now. */
    static void admit(DhtNode node, List<Contact> contacts) {
        RoutingTable routing = routingTable(node);
        for (Contact c : contacts) {
            routing.seen(c);
        }
    }

    /** The routing table of a started node. */
    static RoutingTable routingTable(DhtNode node) {
        try {
            Object ctx = CONTEXT.invoke(node);
            if (ctx == null) {
                throw new IllegalStateException("the node has not been started");
            }
            return (RoutingTable) ROUTING.invoke(ctx);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** First index in [from, to] whose id shares at least {@code bits} with self; to holds self, so one exists. */
    private int firstSharing(NodeId self, int bits, int from, int to) {
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (self.commonPrefixLength(sorted[mid].id()) >= bits) {
                to = mid;
            } else {
                from = mid + 1;
            }
        }
        return from;
    }

    /** First index in [from, to) whose id shares fewer than {@code bits} with self, or to. */
    private int firstNotSharing(NodeId self, int bits, int from, int to) {
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (self.commonPrefixLength(sorted[mid].id()) >= bits) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return from;
    }

    /** k ids of [from, to), which holds more, drawn without repeats (Floyd's method). */
    private void sample(int from, int to, List<Contact> into) {
        int size = to - from;
        int[] picked = new int[k];
        int count = 0;
        for (int j = size - k; j < size; j++) {
            int t = random.nextInt(j + 1);
            picked[count] = contains(picked, count, t) ? j : t;
            count++;
        }
        for (int i : picked) {
            into.add(sorted[from + i]);
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
