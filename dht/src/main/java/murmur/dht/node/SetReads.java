package murmur.dht.node;

import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import murmur.dht.lookup.LookupMode;
import murmur.dht.lookup.LookupResult;
import murmur.dht.routing.Contact;
import murmur.dht.store.SetSlice;
import murmur.dht.wire.Message;

/**
 * Reads a multi-writer set from several replicas, page by page, keeps each writer's newest entry whose signature
 * verifies, and sends each replica the entries it lacked.
 */
final class SetReads {
    private final NodeContext ctx;

    SetReads(NodeContext ctx) {
        this.ctx = ctx;
    }

    /** Live entries in writer-id order; tombstones are applied, not returned. */
    CompletableFuture<List<SetEntry>> entries(NodeId setKey) {
        return entries(setKey, Integer.MAX_VALUE);
    }

    /** As {@link #entries(NodeId)}, reading each replica only until it gave {@code atMost} entries. */
    CompletableFuture<List<SetEntry>> entries(NodeId setKey, int atMost) {
        boolean whole = atMost == Integer.MAX_VALUE;
        // A whole read stops only past the most entries a set may hold, as it always did.
        int limit = whole ? ctx.settings().maxSetEntries() + 1 : Math.min(atMost, ctx.settings().maxSetEntries());
        return ctx.lookup(setKey, LookupMode.SET).thenCompose(lookup -> {
            List<CompletableFuture<HolderCopy>> copies = new ArrayList<>();
            for (LookupResult.Found f : lookup.found()) {
                copies.add(readAll(f.from(), (Message.SetPage) f.answer(), limit));
            }
            return CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<HolderCopy> held = new ArrayList<>();
                copies.forEach(c -> held.add(c.join()));
                held.add(new HolderCopy(null, localCopy(setKey)));
                Map<NodeId, SetEntry> merged = merge(held);
                if (whole) {
                    repair(setKey, merged, held);
                }
                List<SetEntry> live = new ArrayList<>();
                merged.values().forEach(e -> {
                    if (!e.tombstone() && live.size() < atMost) {
                        live.add(e);
                    }
                });
                return live;
            });
        });
    }

    private CompletableFuture<HolderCopy> readAll(Contact holder, Message.SetPage first, int limit) {
        Map<NodeId, SetEntry> entries = new HashMap<>();
        return follow(holder, first, entries, limit).thenApply(v -> new HolderCopy(holder, entries));
    }

    private CompletableFuture<Void> follow(Contact holder, Message.SetPage page, Map<NodeId, SetEntry> into,
            int limit) {
        NodeId last = null;
        for (SetEntry e : page.entries()) {
            if (e.setKey().equals(page.key())) {
                into.put(e.writerId(), e);
                last = e.writerId();
            }
        }
        if (!page.more() || last == null || into.size() >= limit) {
            return CompletableFuture.completedFuture(null);
        }
        Message next = new Message.FindSet(page.key(), last, ctx.settings().setPageSize());
        return ctx.rpc().call(holder, next).handle((answer, failure) -> answer).thenCompose(answer ->
                answer instanceof Message.SetPage p
                        ? follow(holder, p, into, limit) : CompletableFuture.completedFuture(null));
    }

    private Map<NodeId, SetEntry> localCopy(NodeId setKey) {
        Map<NodeId, SetEntry> local = new HashMap<>();
        NodeId after = null;
        SetSlice slice;
        do {
            slice = ctx.store().page(setKey, after, ctx.settings().setPageSize());
            for (SetEntry e : slice.entries()) {
                local.put(e.writerId(), e);
                after = e.writerId();
            }
        } while (slice.more());
        return local;
    }

    /** Per writer, the newest candidate that passes validation; a forged newer one cannot hide a real older one. */
    private Map<NodeId, SetEntry> merge(List<HolderCopy> copies) {
        Map<NodeId, List<SetEntry>> candidates = new HashMap<>();
        for (HolderCopy copy : copies) {
            copy.entries.forEach((writer, e) -> candidates.computeIfAbsent(writer, w -> new ArrayList<>()).add(e));
        }
        Map<NodeId, SetEntry> merged = new TreeMap<>();
        candidates.forEach((writer, list) -> {
            list.sort((a, b) -> a.supersedes(b) ? -1 : b.supersedes(a) ? 1 : 0);
            SetEntry checked = null;
            for (SetEntry e : list) {
                if (checked != null && e.equals(checked)) {
                    continue;
                }
                if (ctx.validator().check(e) == WriteStatus.OK) {
                    merged.put(writer, e);
                    break;
                }
                checked = e;
            }
        });
        return merged;
    }

    private void repair(NodeId setKey, Map<NodeId, SetEntry> merged, List<HolderCopy> copies) {
        for (HolderCopy copy : copies) {
            if (copy.holder == null && copy.entries.isEmpty()) {
                continue;
            }
            List<SetEntry> missing = new ArrayList<>();
            merged.forEach((writer, winner) -> {
                SetEntry had = copy.entries.get(writer);
                if (had == null || winner.supersedes(had)) {
                    missing.add(winner);
                }
            });
            for (List<SetEntry> batch : Pages.of(missing, ctx.settings().setPageSize())) {
                if (copy.holder == null) {
                    ctx.store().putEntries(setKey, batch);
                } else {
                    ctx.rpc().call(copy.holder, new Message.StoreEntries(setKey, batch)).exceptionally(failure -> null);
                }
            }
        }
    }

    /** What one replica (null: this node) holds of the set, by writer id. */
    private record HolderCopy(Contact holder, Map<NodeId, SetEntry> entries) {}
}
