package murmur.timeline.dissemination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded map that forgets its oldest entries: memory of recent posts that peers cannot grow without limit. */
final class Recent<K, V> {
    private final Map<K, V> entries;

    Recent(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Stores {@code value} unless {@code key} is present; true if it was stored. */
    synchronized boolean putIfAbsent(K key, V value) {
        return entries.putIfAbsent(key, value) == null;
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }
}
