package murmur.dht.routing;

import java.util.ArrayList;
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
    /** Newest last; at most {@code replacementCapacity}. */
    private final LinkedHashMap<NodeId, Contact> replacements = new LinkedHashMap<>();
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
            replacements.remove(contact.id());
            return Optional.empty();
        }
        replacements.remove(contact.id());
        replacements.put(contact.id(), contact);
        if (replacements.size() > replacementCapacity) {
            replacements.remove(replacements.keySet().iterator().next());
        }
        return Optional.of(entries.values().iterator().next().contact);
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
            Contact promoted = newestReplacement();
            replacements.remove(promoted.id());
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

    private Contact newestReplacement() {
        Contact newest = null;
        for (Contact c : replacements.values()) {
            newest = c;
        }
        return newest;
    }

    /** The least recently seen member when the bucket is full, else empty. */
    Optional<Contact> oldestIfFull() {
        return entries.size() < capacity ? Optional.empty()
                : Optional.of(entries.values().iterator().next().contact);
    }

    boolean contains(NodeId id) {
        return entries.containsKey(id);
    }

    /** Whether {@code contact}'s id is here (as a member or a replacement) at exactly its address. */
    boolean holds(Contact contact) {
        Entry e = entries.get(contact.id());
        return e != null ? e.contact.equals(contact) : contact.equals(replacements.get(contact.id()));
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
