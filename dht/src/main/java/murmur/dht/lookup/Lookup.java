package murmur.dht.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import murmur.dht.NodeId;
import murmur.dht.routing.Contact;
import murmur.dht.rpc.RpcClient;
import murmur.dht.rpc.Scheduler;
import murmur.dht.wire.Message;

/**
 * One iterative Kademlia lookup: asks the alpha closest unasked contacts in parallel, learns closer ones from
 * their answers, and ends when the k closest contacts that have not failed have all answered (or, for values, when
 * enough replicas have). A request that stays silent longer than the stall timeout stops counting against alpha, so
 * a dead node never holds the lookup up while live ones could be asked; the lookup waits for it only when nobody
 * else is left to ask and no value has been found yet.
 */
public final class Lookup {
    private final RpcClient rpc;
    private final NodeId self;
    private final NodeId target;
    private final LookupMode mode;
    private final int k;
    private final int alpha;
    private final int wanted;
    private final TreeMap<NodeId, Candidate> candidates = new TreeMap<>();
    private final List<LookupResult.Found> found = new ArrayList<>();
    private final CompletableFuture<LookupResult> result = new CompletableFuture<>();
    private int inFlight;
    private int rpcs;
    private boolean done;

    private Lookup(RpcClient rpc, NodeId self, NodeId target, LookupMode mode) {
        this.rpc = rpc;
        this.self = self;
        this.target = target;
        this.mode = mode;
        this.k = rpc.settings().k();
        this.alpha = rpc.settings().alpha();
        this.wanted = mode == LookupMode.NODES ? Integer.MAX_VALUE : rpc.settings().readReplicas();
    }

    /** Starts a lookup of {@code target} from {@code seeds}, usually the routing table's closest contacts. */
    public static CompletableFuture<LookupResult> start(
            RpcClient rpc, NodeId self, NodeId target, LookupMode mode, List<Contact> seeds) {
        Lookup lookup = new Lookup(rpc, self, target, mode);
        synchronized (lookup) {
            for (Contact seed : seeds) {
                lookup.add(seed, 0);
            }
        }
        lookup.pump();
        return lookup.result;
    }

    private void add(Contact contact, int depth) {
        if (!contact.id().equals(self)) {
            candidates.putIfAbsent(contact.id().xor(target), new Candidate(contact, depth));
        }
    }

    private void pump() {
        List<Candidate> toAsk = new ArrayList<>();
        LookupResult finished = null;
        synchronized (this) {
            if (done) {
                return;
            }
            int slots = 0;
            boolean pending = inFlight > 0;
            for (Candidate c : candidates.values()) {
                if (slots == k) {
                    break;
                }
                if (c.state == State.FAILED) {
                    continue;
                }
                if (c.state == State.STALLED) {
                    // Not a slot: the next candidate is asked meanwhile, so dead nodes cost one timeout, not a chain.
                    pending |= found.isEmpty();
                    continue;
                }
                slots++;
                if (c.state == State.NEW) {
                    pending = true;
                    if (inFlight < alpha) {
                        c.state = State.WAITING;
                        inFlight++;
                        toAsk.add(c);
                    }
                }
            }
            if (found.size() >= wanted || !pending) {
                done = true;
                finished = buildResult();
            }
        }
        if (finished != null) {
            result.complete(finished);
            return;
        }
        for (Candidate c : toAsk) {
            ask(c);
        }
    }

    private void ask(Candidate c) {
        Scheduler.Cancellable stall = rpc.scheduler().schedule(rpc.stallTimeout(), () -> stalled(c));
        synchronized (this) {
            rpcs++;
        }
        rpc.call(c.contact, mode.request(target, rpc.settings())).whenComplete((answer, failure) -> {
            stall.cancel();
            answered(c, failure == null ? answer : null);
        });
    }

    private void stalled(Candidate c) {
        synchronized (this) {
            if (c.state != State.WAITING) {
                return;
            }
            c.state = State.STALLED;
            inFlight--;
        }
        rpc.stalled(c.contact);
        pump();
    }

    private void answered(Candidate c, Message answer) {
        synchronized (this) {
            if (c.state == State.WAITING) {
                inFlight--;
            }
            if (answer instanceof Message.Nodes nodes) {
                c.state = State.ANSWERED;
                int taken = 0;
                for (Contact next : nodes.contacts()) {
                    if (taken++ == k) {
                        break;
                    }
                    add(next, c.depth + 1);
                }
            } else if (answer != null && mode.isValue(answer)) {
                c.state = State.ANSWERED;
                found.add(new LookupResult.Found(c.contact, answer, c.depth + 1));
            } else {
                c.state = State.FAILED;
            }
        }
        pump();
    }

    private LookupResult buildResult() {
        List<Contact> closest = new ArrayList<>();
        int hops = 0;
        for (Map.Entry<NodeId, Candidate> e : candidates.entrySet()) {
            Candidate c = e.getValue();
            if (c.state == State.ANSWERED && closest.size() < k) {
                if (closest.isEmpty()) {
                    hops = c.depth + 1;
                }
                closest.add(c.contact);
            }
        }
        if (!found.isEmpty()) {
            hops = found.get(0).hops();
        }
        return new LookupResult(closest, List.copyOf(found), rpcs, hops);
    }

    private enum State { NEW, WAITING, STALLED, ANSWERED, FAILED }

    private static final class Candidate {
        final Contact contact;
        final int depth;
        State state = State.NEW;

        Candidate(Contact contact, int depth) {
            this.contact = contact;
            this.depth = depth;
        }
    }
}
