package murmur.dht.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;

/**
 * The records and sets one node holds, validated on every write: the first valid write claims a key, later writes
 * need the owner's signature and a higher sequence number; set entries belong to their writer alone and carry
 * at least {@code dht.setMinWorkBits} of work. A set at {@code dht.maxSetEntries} takes a new writer only in place
 * of the entry with the least work ({@link FullSets}), which leaves the journal too and is counted.
 */
public final class RecordStore {
    /** Rough bytes of keys, signature and bookkeeping per stored item, so tiny values cannot dodge the byte cap. */
    static final int RECORD_OVERHEAD = 200;
    static final int ENTRY_OVERHEAD = 150;

    private final DhtSettings settings;
    private final Clock clock;
    private final RecordValidator validator;
    private final StoreJournal journal;
    private final Map<NodeId, Held<OwnedRecord>> records = new HashMap<>();
    private final Map<NodeId, TreeMap<NodeId, Held<SetEntry>>> sets = new HashMap<>();
    private long bytes;
    private long evicted;

    public RecordStore(DhtSettings settings, Clock clock, StoreJournal journal) {
        this.settings = settings;
        this.clock = clock;
        this.validator = new RecordValidator(settings, clock);
        this.journal = journal;
    }

    public synchronized WriteOutcome put(OwnedRecord record) {
        WriteStatus shape = validator.checkShape(record);
        if (shape != WriteStatus.OK) {
            return WriteOutcome.refused(shape);
        }
        Held<OwnedRecord> held = live(records.get(record.key()));
        if (held != null && held.item.equals(record)) {
            held.receivedAt = clock.millis();
            return new WriteOutcome(WriteStatus.OK, 1, CompletableFuture.completedFuture(null));
        }
        if (!validator.signatureValid(record)) {
            return WriteOutcome.refused(WriteStatus.BAD_SIGNATURE);
        }
        if (held != null && !held.item.sameOwner(record)) {
            return WriteOutcome.refused(WriteStatus.FORBIDDEN);
        }
        if (held != null && !record.supersedes(held.item)) {
            return WriteOutcome.refused(WriteStatus.STALE);
        }
        if (held == null && !records.containsKey(record.key()) && isFull()) {
            return WriteOutcome.refused(WriteStatus.FULL);
        }
        Held<OwnedRecord> previous = records.get(record.key());
        if (!reserve(size(record) - (previous == null ? 0 : size(previous.item)))) {
            return WriteOutcome.refused(WriteStatus.FULL);
        }
        records.put(record.key(), new Held<>(record, clock.millis()));
        return new WriteOutcome(WriteStatus.OK, 1, journal.saveRecord(record));
    }

    /** Stores each entry that is valid and newer than the writer's current one; reports the first refusal. */
    public synchronized WriteOutcome putEntries(NodeId setKey, List<SetEntry> entries) {
        WriteStatus firstRefusal = WriteStatus.OK;
        List<SetEntry> accepted = new ArrayList<>();
        int acceptedCount = 0;
        for (SetEntry entry : entries) {
            WriteStatus status = putEntry(setKey, entry, accepted);
            if (status == WriteStatus.OK) {
                acceptedCount++;
            } else if (firstRefusal == WriteStatus.OK) {
                firstRefusal = status;
            }
        }
        CompletableFuture<Void> durable = accepted.isEmpty()
                ? CompletableFuture.completedFuture(null) : journal.saveEntries(accepted);
        return new WriteOutcome(firstRefusal, acceptedCount, durable);
    }

    private WriteStatus putEntry(NodeId setKey, SetEntry entry, List<SetEntry> accepted) {
        if (!entry.setKey().equals(setKey)) {
            return WriteStatus.BAD_SIGNATURE;
        }
        WriteStatus shape = validator.checkShape(entry);
        if (shape != WriteStatus.OK) {
            return shape;
        }
        TreeMap<NodeId, Held<SetEntry>> set = sets.get(setKey);
        NodeId writer = entry.writerId();
        Held<SetEntry> held = set == null ? null : live(set.get(writer));
        if (held != null && held.item.equals(entry)) {
            held.receivedAt = clock.millis();
            return WriteStatus.OK;
        }
        // A writer already in the set is never shut out by its size; a new one only in place of less work. Decided
        // before the signature check, so newcomers a full set refuses cost a hash each, not a verification.
        NodeId victim = null;
        if (set != null && !set.containsKey(writer) && set.size() >= settings.maxSetEntries()) {
            victim = FullSets.victim(set, entry.work(), clock.millis());
            if (victim == null) {
                return WriteStatus.FULL;
            }
        }
        if (!validator.signatureValid(entry)) {
            return WriteStatus.BAD_SIGNATURE;
        }
        if (held != null && !entry.supersedes(held.item)) {
            return WriteStatus.STALE;
        }
        if (set == null) {
            if (isFull()) {
                return WriteStatus.FULL;
            }
            set = new TreeMap<>();
            sets.put(setKey, set);
        }
        Held<SetEntry> previous = set.get(writer);
        long freed = (previous == null ? 0 : size(previous.item)) + (victim == null ? 0 : size(set.get(victim).item));
        if (!reserve(size(entry) - freed)) {
            if (set.isEmpty()) {
                sets.remove(setKey);
            }
            return WriteStatus.FULL;
        }
        if (victim != null) {
            SetEntry out = set.remove(victim).item;
            journal.deleteEntry(setKey, out.writer());
            evicted++;
        }
        set.put(writer, new Held<>(entry, clock.millis()));
        accepted.add(entry);
        return WriteStatus.OK;
    }

    /** Entries that full sets gave up for newcomers with more work, since this store was made. */
    public synchronized long evicted() {
        return evicted;
    }

    /** The validator this store checks writes with; share it, and with it the memory of verified signatures. */
    public RecordValidator validator() {
        return validator;
    }

    /**
     * Loads what the journal kept, re-validating it (an entry without the minimum work is left out); returns how
     * many items were valid and still live.
     */
    public synchronized int restore(List<OwnedRecord> saved, List<SetEntry> savedEntries) {
        int restored = 0;
        for (OwnedRecord r : saved) {
            if (validator.check(r) == WriteStatus.OK) {
                records.put(r.key(), new Held<>(r, clock.millis()));
                bytes += size(r);
                restored++;
            }
        }
        for (SetEntry e : savedEntries) {
            if (validator.check(e) == WriteStatus.OK) {
                bytes += size(e);
                sets.computeIfAbsent(e.setKey(), k -> new TreeMap<>()).put(e.writerId(), new Held<>(e, clock.millis()));
                restored++;
            }
        }
        return restored;
    }

    public synchronized Optional<OwnedRecord> get(NodeId key) {
        Held<OwnedRecord> held = live(records.get(key));
        return held == null ? Optional.empty() : Optional.of(held.item);
    }

    /** Up to {@code limit} live entries and tombstones of a set, writers after {@code after} in id order. */
    public synchronized SetSlice page(NodeId setKey, NodeId after, int limit) {
        TreeMap<NodeId, Held<SetEntry>> set = sets.get(setKey);
        if (set == null) {
            return new SetSlice(List.of(), false);
        }
        List<SetEntry> page = new ArrayList<>();
        Map<NodeId, Held<SetEntry>> tail = after == null ? set : set.tailMap(after, false);
        for (Held<SetEntry> held : tail.values()) {
            if (live(held) == null) {
                continue;
            }
            if (page.size() == limit) {
                return new SetSlice(page, true);
            }
            page.add(held.item);
        }
        return new SetSlice(page, false);
    }

    public synchronized boolean hasSet(NodeId setKey) {
        TreeMap<NodeId, Held<SetEntry>> set = sets.get(setKey);
        return set != null && !set.isEmpty();
    }

    /** Records and whole sets not written to us since {@code sinceMillis}: due for republishing. */
    public synchronized List<OwnedRecord> recordsIdleSince(long sinceMillis) {
        List<OwnedRecord> due = new ArrayList<>();
        for (Held<OwnedRecord> held : records.values()) {
            if (live(held) != null && held.receivedAt <= sinceMillis) {
                due.add(held.item);
            }
        }
        return due;
    }

    public synchronized Map<NodeId, List<SetEntry>> entriesIdleSince(long sinceMillis) {
        Map<NodeId, List<SetEntry>> due = new HashMap<>();
        sets.forEach((key, set) -> set.values().forEach(held -> {
            if (live(held) != null && held.receivedAt <= sinceMillis) {
                due.computeIfAbsent(key, k -> new ArrayList<>()).add(held.item);
            }
        }));
        return due;
    }

    /** Drops expired records and entries, here and in the journal. Returns how many went. */
    public synchronized int purgeExpired() {
        int purged = 0;
        for (Iterator<Map.Entry<NodeId, Held<OwnedRecord>>> it = records.entrySet().iterator(); it.hasNext();) {
            Map.Entry<NodeId, Held<OwnedRecord>> e = it.next();
            if (live(e.getValue()) == null) {
                it.remove();
                bytes -= size(e.getValue().item);
                journal.deleteRecord(e.getKey());
                purged++;
            }
        }
        for (Iterator<TreeMap<NodeId, Held<SetEntry>>> sit = sets.values().iterator(); sit.hasNext();) {
            TreeMap<NodeId, Held<SetEntry>> set = sit.next();
            for (Iterator<Held<SetEntry>> it = set.values().iterator(); it.hasNext();) {
                SetEntry entry = it.next().item;
                if (!entry.expiresAt().isAfter(clock.instant())) {
                    it.remove();
                    bytes -= size(entry);
                    journal.deleteEntry(entry.setKey(), entry.writer());
                    purged++;
                }
            }
            if (set.isEmpty()) {
                sit.remove();
            }
        }
        return purged;
    }

    public synchronized int recordCount() {
        return records.size();
    }

    public synchronized int entryCount() {
        return sets.values().stream().mapToInt(Map::size).sum();
    }

    /** Bytes held, counting {@link #size} per item: what {@code maxStoreBytes} caps. */
    public synchronized long bytes() {
        return bytes;
    }

    private boolean reserve(long delta) {
        if (delta > 0 && bytes + delta > settings.maxStoreBytes()) {
            return false;
        }
        bytes += delta;
        return true;
    }

    private static long size(OwnedRecord r) {
        return r.value().length + RECORD_OVERHEAD;
    }

    private static long size(SetEntry e) {
        return e.value().length + ENTRY_OVERHEAD;
    }

    private boolean isFull() {
        return records.size() + sets.size() >= settings.maxRecords();
    }

    private <T> Held<T> live(Held<T> held) {
        return held == null || held.expiresAtMillis() <= clock.millis() ? null : held;
    }
}
