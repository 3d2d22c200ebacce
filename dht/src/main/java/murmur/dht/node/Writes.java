package murmur.dht.node;

import murmur.dht.DhtWriteException;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.PutResult;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import murmur.dht.lookup.LookupMode;
import murmur.dht.routing.Contact;
import murmur.dht.store.WriteOutcome;
import murmur.dht.wire.Message;

/**
 * Stores a record or set entries at the k nodes closest to the key (this node included when it is one of them).
 * A write succeeds when at least one replica accepted it and no more refused it than accepted it.
 */
final class Writes {
    private final NodeContext ctx;

    Writes(NodeContext ctx) {
        this.ctx = ctx;
    }

    CompletableFuture<PutResult> put(OwnedRecord record) {
        WriteStatus local = ctx.validator().check(record);
        if (local != WriteStatus.OK) {
            return CompletableFuture.failedFuture(new DhtWriteException(local));
        }
        return storeAtClosest(record.key(), new Message.Store(record), () -> ctx.store().put(record));
    }

    CompletableFuture<PutResult> putEntries(NodeId setKey, List<SetEntry> entries) {
        for (SetEntry e : entries) {
            WriteStatus local = ctx.validator().check(e);
            if (local != WriteStatus.OK) {
                return CompletableFuture.failedFuture(new DhtWriteException(local));
            }
        }
        return storeAtClosest(setKey, new Message.StoreEntries(setKey, entries),
                () -> ctx.store().putEntries(setKey, entries));
    }

    private CompletableFuture<PutResult> storeAtClosest(
            NodeId key, Message request, Supplier<WriteOutcome> storeLocally) {
        return ctx.lookup(key, LookupMode.NODES).thenCompose(lookup -> {
            List<CompletableFuture<Message>> answers = new ArrayList<>();
            for (Contact c : lookup.closest()) {
                answers.add(ctx.rpc().call(c, request).exceptionally(failure -> null));
            }
            CompletableFuture<Message> local = ctx.isReplica(key, lookup.closest())
                    ? localAnswer(storeLocally.get()) : null;
            if (local != null) {
                answers.add(local);
            }
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .thenApply(v -> tally(answers));
        }).thenApply(Writes::judge);
    }

    private static CompletableFuture<Message> localAnswer(WriteOutcome outcome) {
        return outcome.durable().thenApply(v -> new Message.StoreResult(outcome.status(), outcome.accepted()));
    }

    private static PutResult tally(List<CompletableFuture<Message>> answers) {
        int accepted = 0;
        int refused = 0;
        int unreachable = 0;
        WriteStatus firstRefusal = WriteStatus.OK;
        for (CompletableFuture<Message> f : answers) {
            Message m = f.join();
            if (m instanceof Message.StoreResult r && r.status() == WriteStatus.OK) {
                accepted++;
            } else if (m instanceof Message.StoreResult r) {
                if (r.accepted() > 0) {
                    accepted++;
                } else {
                    refused++;
                }
                firstRefusal = firstRefusal == WriteStatus.OK ? r.status() : firstRefusal;
            } else {
                unreachable++;
            }
        }
        return new PutResult(accepted, refused, unreachable, firstRefusal);
    }

    private static PutResult judge(PutResult result) {
        if (result.accepted() == 0 && result.refused() > 0 || result.refused() > result.accepted()) {
            throw new DhtWriteException(result.firstRefusal());
        }
        if (result.accepted() == 0) {
            throw new DhtWriteException(WriteStatus.UNREACHABLE);
        }
        return result;
    }
}
