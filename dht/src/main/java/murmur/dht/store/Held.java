package murmur.dht.store;

import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;

/** A record or entry as a store holds it: when it last came, and for an entry the work it proves (hashed once). */
final class Held<T> {
    final T item;
    final int work;
    long receivedAt;

    Held(T item, long receivedAt) {
        this.item = item;
        this.receivedAt = receivedAt;
        this.work = item instanceof SetEntry e ? e.work() : 0;
    }

    long expiresAtMillis() {
        return item instanceof OwnedRecord r ? r.expiresAt().toEpochMilli() : ((SetEntry) item).expiresAt()
                .toEpochMilli();
    }
}
