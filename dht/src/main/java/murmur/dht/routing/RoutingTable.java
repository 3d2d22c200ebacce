package murmur.dht.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import murmur.dht.NodeId;

/**
 * The k-buckets of one node: bucket i holds contacts whose ids share exactly i leading bits with ours.
 * Thread-safe; every method is short and never does I/O.
 */
public final class RoutingTable {
    private final NodeId self;
    private final int staleAfterFailures;
    private final Clock clock;
    private final int k;
    private final int replacementCacheSize;
    private final long freshMillis;
    private final KBucket[] buckets = new KBucket[NodeId.BITS];
    private volatile Consumer<Contact> newcomers = c -> { };

    /**
     * @param freshFor a member heard from within this time is taken to be alive: a full bucket does not ask to ping
     *                 it when a newcomer shows up (Kademlia's check of the least recently seen member, rate-limited)
     */
    public RoutingTable(NodeId self, int k, int replacementCacheSize, int staleAfterFailures, Duration freshFor,
            Clock clock) {
        this.self = self;
        this.freshMillis = freshFor.toMillis();
        this.k = k;
        this.replacementCacheSize = replacementCacheSize;
        this.staleAfterFailures = staleAfterFailures;
        this.clock = clock;
    }

    public NodeId self() {
        return self;
    }

    /**
     * Records that {@code contact} answered or wrote to us. If its bucket is full, the contact waits in the
     * replacement cache, and the least recently seen member is returned when it has not been heard from within the
     * fresh period: ping it, and report the outcome.
     */
    public synchronized Optional<Contact> seen(Contact contact) {
        if (contact.id().equals(self)) {
            return Optional.empty();
        }
        KBucket bucket = bucketOf(contact.id());
        boolean known = bucket.contains(contact.id());
        Optional<Contact> toPing = bucket.seen(contact, clock.millis());
        if (!known && bucket.contains(contact.id())) {
            newcomers.accept(contact);
        }
        return toPing;
    }

    /** Called, under this table's lock, with each contact that enters a bucket; keep it quick. */
    public void onNewContact(Consumer<Contact> listener) {
        this.newcomers = listener;
    }

    /**
     * Records that a request to {@code contact} has gone unanswered for longer than usual. Until it answers again, it
     * is offered only after healthy contacts, so other lookups do not queue behind a node that probably died.
     */
    public synchronized void suspect(Contact contact) {
        int i = index(contact.id());
        if (!contact.id().equals(self) && buckets[i] != null) {
            buckets[i].suspect(contact.id());
        }
    }

    /** Records that a request to {@code contact} got no answer. */
    public synchronized void failed(Contact contact) {
        if (!contact.id().equals(self)) {
            bucketOf(contact.id()).failed(contact.id(), staleAfterFailures);
        }
    }

    /**
     * The {@code n} contacts closest to {@code target}; contacts that failed lately only fill remaining room.
     * Buckets are visited in distance order (the target's own bucket, then all closer to us, then the farther ones
     * one by one), so only the buckets needed are sorted.
     */
    public synchronized List<Contact> closest(NodeId target, int n) {
        int own = index(target);
        Comparator<Contact> byDistance = (a, b) -> target.compareDistance(a.id(), b.id());
        List<Contact> result = new ArrayList<>(n);
        List<Contact> failing = new ArrayList<>();
        List<Contact> group = new ArrayList<>();
        addBucket(own, group, failing);
        take(group, byDistance, result, n);
        for (int j = own + 1; j < buckets.length && result.size() < n; j++) {
            addBucket(j, group, failing);
        }
        take(group, byDistance, result, n);
        for (int j = own - 1; j >= 0 && result.size() < n; j--) {
            addBucket(j, group, failing);
            take(group, byDistance, result, n);
        }
        take(failing, byDistance, result, n);
        return result;
    }

    private static void take(List<Contact> group, Comparator<Contact> order, List<Contact> into, int n) {
        if (into.size() < n && !group.isEmpty()) {
            group.sort(order);
            into.addAll(group.subList(0, Math.min(group.size(), n - into.size())));
        }
        group.clear();
    }

    /**
     * Whether this table holds {@code contact}'s id at exactly its address (in a bucket or waiting as a
     * replacement): such a sighting needs no new proof of identity.
     */
    public synchronized boolean holds(Contact contact) {
        KBucket b = contact.id().equals(self) ? null : buckets[index(contact.id())];
        return b != null && b.holds(contact);
    }

    /** Whether {@code contact} is in its bucket already or would fit there. */
    public synchronized boolean hasRoomFor(Contact contact) {
        if (contact.id().equals(self)) {
            return false;
        }
        KBucket b = bucketOf(contact.id());
        return b.contains(contact.id()) || b.hasRoom();
    }

    /**
     * The least recently seen member of {@code contact}'s full bucket, when it has not been heard from within the
     * fresh period: the newcomer can enter only if that member is gone. Empty when the contact has room, and when
     * every member was heard from lately (the newcomer then stays out: long-lived contacts are worth more).
     */
    public synchronized Optional<Contact> oldestToCheck(Contact contact) {
        if (contact.id().equals(self)) {
            return Optional.empty();
        }
        KBucket b = bucketOf(contact.id());
        return b.contains(contact.id()) ? Optional.empty() : b.oldestToCheck(clock.millis());
    }

    public synchronized boolean contains(NodeId id) {
        return !id.equals(self) && buckets[index(id)] != null && buckets[index(id)].contains(id);
    }

    public synchronized int size() {
        int size = 0;
        for (KBucket b : buckets) {
            size += b == null ? 0 : b.size();
        }
        return size;
    }

    public synchronized List<Contact> all() {
        List<Contact> all = new ArrayList<>();
        for (KBucket b : buckets) {
            if (b != null) {
                all.addAll(b.contacts());
            }
        }
        return all;
    }

    /** Notes a lookup of {@code target}, which refreshes the bucket it falls in. */
    public synchronized void lookedUp(NodeId target) {
        if (!target.equals(self)) {
            bucketOf(target).lastLookupMillis = clock.millis();
        }
    }

    /** Indices of non-empty buckets with no lookup for {@code interval}; refresh them with a random id inside. */
    public synchronized List<Integer> bucketsToRefresh(Duration interval) {
        long cutoff = clock.millis() - interval.toMillis();
        List<Integer> stale = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] != null && buckets[i].size() > 0 && buckets[i].lastLookupMillis <= cutoff) {
                stale.add(i);
            }
        }
        return stale;
    }

    /** Index of the non-empty bucket that holds our closest neighbours (longest shared prefix), or -1. */
    public synchronized int closestNonEmptyBucket() {
        for (int i = buckets.length - 1; i >= 0; i--) {
            if (buckets[i] != null && buckets[i].size() > 0) {
                return i;
            }
        }
        return -1;
    }

    private int index(NodeId id) {
        return Math.min(self.commonPrefixLength(id), NodeId.BITS - 1);
    }

    private void addBucket(int i, List<Contact> healthy, List<Contact> failing) {
        if (i >= 0 && i < buckets.length && buckets[i] != null) {
            buckets[i].addHealthyTo(healthy, failing);
        }
    }

    /** The bucket for {@code id}, created on first use: most of the 256 stay empty. */
    private KBucket bucketOf(NodeId id) {
        int i = index(id);
        if (buckets[i] == null) {
            buckets[i] = new KBucket(k, replacementCacheSize, freshMillis, clock.millis());
        }
        return buckets[i];
    }
}
