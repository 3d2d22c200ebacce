package murmur.dht.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;

/** Where a {@link RecordStore} makes its changes durable. A write is acknowledged once its future completes. */
public interface StoreJournal {
    CompletableFuture<Void> saveRecord(OwnedRecord record);

    CompletableFuture<Void> saveEntries(List<SetEntry> entries);

    CompletableFuture<Void> deleteRecord(NodeId key);

    CompletableFuture<Void> deleteEntry(NodeId setKey, byte[] writer);

    /** A journal that keeps nothing: for nodes without a data directory. */
    StoreJournal NONE = new StoreJournal() {
        @Override
        public CompletableFuture<Void> saveRecord(OwnedRecord record) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> saveEntries(List<SetEntry> entries) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> deleteRecord(NodeId key) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> deleteEntry(NodeId setKey, byte[] writer) {
            return CompletableFuture.completedFuture(null);
        }
    };
}
