package murmur.dht.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import murmur.dht.NodeId;

/** Up to k contacts, least recently seen first, and a cache of replacements for when one of them dies. */
final class KBucket {
    private final int capacity;
    private final int replacementCapacity;
    private final LinkedHashMap<NodeId, Entry> entries = new LinkedHashMap<>();
    private final Deque<Contact> replacements = new ArrayDeque<>();
    long lastLookupMillis;

    KBucket(int capacity, int replacementCapacity, long nowMillis) {
        this.capacity = capacity;
        this.replacementCapacity = replacementCapacity;
        this.lastLookupMillis = nowMillis;
    }

    /** Records a live contact. When the bucket is full, returns the least recently seen contact to ping. */
    Optional<Contact> seen(Contact contact) {
        Entry existing = entries.remove(contact.id());
        if (existing != null || entries.size() < capacity) {
            entries.put(contact.id(), new Entry(contact));
            replacements.removeIf(c -> c.id().equals(contact.id()));
            return Optional.empty();
        }
        replacements.removeIf(c -> c.id().equals(contact.id()));
        replacements.addLast(contact);
        if (replacements.size() > replacementCapacity) {
            replacements.removeFirst();
        }
        return Optional.of(entries.values().iterator().next().contact);
    }

    /** Counts a failed request; swaps in a replacement, or drops the contact after {@code staleAfter} failures. */
    void failed(NodeId id, int staleAfter) {
        Entry entry = entries.get(id);
        if (entry == null) {
            replacements.removeIf(c -> c.id().equals(id));
            return;
        }
        entry.failures++;
        if (!replacements.isEmpty()) {
            entries.remove(id);
            Contact promoted = replacements.removeLast();
            entries.put(promoted.id(), new Entry(promoted));
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

    boolean contains(NodeId id) {
        return entries.containsKey(id);
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
        int failures;
        boolean suspect;

        Entry(Contact contact) {
            this.contact = contact;
        }
    }
}
