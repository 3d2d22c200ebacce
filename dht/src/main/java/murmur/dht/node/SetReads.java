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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a multi-writer set from several replicas, page by page, keeps each writer's newest entry whose signature
 * verifies, and sends each replica the entries it lacked. Paging through one holder is bounded: at most
 * {@link #maxPages} pages and {@code dht.maxSetEntries} entries, every page must move past the last writer id of the
 * one before, and the whole read of a holder must end within {@link #TIME_BOUND_TIMEOUTS} request timeouts. A holder
 * that always answers "more" is cut there: what it sent so far is kept, the cut is logged and reported to the
 * observer as {@code set_read_cut}, and the read completes with the entries found.
 */
final class SetReads {
    /** The time one holder's pages may take, in request timeouts. */
    static final int TIME_BOUND_TIMEOUTS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(SetReads.class);

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

    /** Most pages read from one holder in one set read: enough for a full set, and one more. */
    int maxPages() {
        int size = ctx.settings().setPageSize();
        return (ctx.settings().maxSetEntries() + size - 1) / size + 1;
    }

    private CompletableFuture<HolderCopy> readAll(Contact holder, Message.SetPage first, int limit) {
        Paging paging = new Paging(holder, new HashMap<>(), limit,
                ctx.clock().millis() + ctx.settings().requestTimeout().toMillis() * TIME_BOUND_TIMEOUTS);
        return follow(paging, first, null, 1).thenApply(v -> new HolderCopy(holder, paging.into()));
    }

    private CompletableFuture<Void> follow(Paging paging, Message.SetPage page, NodeId after, int pages) {
        NodeId last = after;
        for (SetEntry e : page.entries()) {
            if (e.setKey().equals(page.key()) && (after == null || e.writerId().compareTo(after) > 0)) {
                paging.into().put(e.writerId(), e);
                if (last == null || e.writerId().compareTo(last) > 0) {
                    last = e.writerId();
                }
            }
        }
        if (!page.more()) {
            return CompletableFuture.completedFuture(null);
        }
        String cut = last == null || last.equals(after) ? "a page that did not move on"
                : paging.into().size() > ctx.settings().maxSetEntries() ? "more than the most entries a set holds"
                : pages >= maxPages() ? pages + " pages"
                : ctx.clock().millis() > paging.deadline() ? "the time bound" : null;
        if (cut != null) {
            ctx.observer().refused("set_read_cut");
            LOG.warn("reading set {} from {} cut after {} pages and {} entries: {}; keeping what it sent",
                    page.key(), paging.holder().address(), pages, paging.into().size(), cut);
            return CompletableFuture.completedFuture(null);
        }
        if (paging.into().size() >= paging.limit()) {
            return CompletableFuture.completedFuture(null);
        }
        NodeId cursor = last;
        Message next = new Message.FindSet(page.key(), cursor, ctx.settings().setPageSize());
        return ctx.rpc().call(paging.holder(), next).handle((answer, failure) -> answer).thenCompose(answer ->
                answer instanceof Message.SetPage p && p.key().equals(page.key())
                        ? follow(paging, p, cursor, pages + 1) : CompletableFuture.completedFuture(null));
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

    /** One holder's pages being read: what came so far, how many entries are enough, and when it must end. */
    private record Paging(Contact holder, Map<NodeId, SetEntry> into, int limit, long deadline) {}

    /** What one replica (null: this node) holds of the set, by writer id. */
    private record HolderCopy(Contact holder, Map<NodeId, SetEntry> entries) {}
}
