package murmur.dht.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import murmur.dht.NodeId;

/**
 * Up to k contacts, least recently seen first, and a cache of replacements for when one of them dies. A member heard
 * from within {@code freshMillis} counts as alive without a check: a full bucket asks to ping its least recently
 * seen member only once that member has been silent for longer.
 */
final class KBucket {
    private final int capacity;
    private final int replacementCapacity;
    private final long freshMillis;
    private final LinkedHashMap<NodeId, Entry> entries = new LinkedHashMap<>();
    /** Newest last; at most {@code replacementCapacity}. */
    private final LinkedHashMap<NodeId, Entry> replacements = new LinkedHashMap<>();
    long lastLookupMillis;

    KBucket(int capacity, int replacementCapacity, long freshMillis, long nowMillis) {
        this.capacity = capacity;
        this.replacementCapacity = replacementCapacity;
        this.freshMillis = freshMillis;
        this.lastLookupMillis = nowMillis;
    }

    /**
     * Records a live contact. When the bucket is full, the contact waits as a replacement, and the least recently
     * seen member is returned to ping if it has been silent for longer than the fresh period.
     */
    Optional<Contact> seen(Contact contact, long nowMillis) {
        Entry existing = entries.remove(contact.id());
        if (existing != null || entries.size() < capacity) {
            entries.put(contact.id(), new Entry(contact, nowMillis));
            replacements.remove(contact.id());
            return Optional.empty();
        }
        replacements.remove(contact.id());
        replacements.put(contact.id(), new Entry(contact, nowMillis));
        if (replacements.size() > replacementCapacity) {
            replacements.remove(replacements.keySet().iterator().next());
        }
        return oldestToCheck(nowMillis);
    }

    /** Counts a failed request; swaps in a replacement, or drops the contact after {@code staleAfter} failures. */
    void failed(NodeId id, int staleAfter) {
        Entry entry = entries.get(id);
        if (entry == null) {
            replacements.remove(id);
            return;
        }
        entry.failures++;
        if (!replacements.isEmpty()) {
            entries.remove(id);
            Entry promoted = newestReplacement();
            replacements.remove(promoted.contact.id());
            entries.put(promoted.contact.id(), new Entry(promoted.contact, promoted.lastSeenMillis));
        } else if (entry.failures >= staleAfter) {
            entries.remove(id);
        }
    }

    /** Marks a contact that is slow to answer right now; the mark goes when it is next seen. */
    void suspect(NodeId id) {
        Entry entry = entries.get(id);
        if (entry != null) {
            entry.suspect = true;
        }
    }

    void addHealthyTo(List<Contact> healthy, List<Contact> failing) {
        for (Entry e : entries.values()) {
            (e.failures == 0 && !e.suspect ? healthy : failing).add(e.contact);
        }
    }

    private Entry newestReplacement() {
        Entry newest = null;
        for (Entry e : replacements.values()) {
            newest = e;
        }
        return newest;
    }

    boolean hasRoom() {
        return entries.size() < capacity;
    }

    /**
     * The least recently seen member when the bucket is full and that member has been silent for longer than the
     * fresh period (then every member is fresher), else empty.
     */
    Optional<Contact> oldestToCheck(long nowMillis) {
        if (hasRoom()) {
            return Optional.empty();
        }
        Entry oldest = entries.values().iterator().next();
        return nowMillis - oldest.lastSeenMillis < freshMillis ? Optional.empty() : Optional.of(oldest.contact);
    }

    boolean contains(NodeId id) {
        return entries.containsKey(id);
    }

    /** Whether {@code contact}'s id is here (as a member or a replacement) at exactly its address. */
    boolean holds(Contact contact) {
        Entry e = entries.get(contact.id());
        Entry parked = replacements.get(contact.id());
        return e != null ? e.contact.equals(contact) : parked != null && parked.contact.equals(contact);
    }

    int size() {
        return entries.size();
    }

    List<Contact> contacts() {
        List<Contact> all = new ArrayList<>(entries.size());
        for (Iterator<Map.Entry<NodeId, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
            all.add(it.next().getValue().contact);
        }
        return all;
    }

    private static final class Entry {
        final Contact contact;
        final long lastSeenMillis;
        int failures;
        boolean suspect;

        Entry(Contact contact, long lastSeenMillis) {
            this.contact = contact;
            this.lastSeenMillis = lastSeenMillis;
        }
    }
}
