package murmur.dht.node;

import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import java.util.List;
import murmur.dht.routing.Contact;
import murmur.dht.wire.Message;

/**
 * Hands records to a node that just appeared among the k closest to their keys (Kademlia section 2.5), so a
 * joining node holds what it is responsible for without waiting for the next republish. Every replica that learns
 * of the newcomer sends: a newcomer may hear of the others before it holds anything to pass on, and an identical
 * copy costs its receiver only a comparison.
 */
final class Handoff {
    private final NodeContext ctx;

    Handoff(NodeContext ctx) {
        this.ctx = ctx;
    }

    void newcomer(Contact newcomer) {
        for (OwnedRecord r : ctx.store().recordsIdleSince(Long.MAX_VALUE)) {
            if (responsibleFor(r.key(), newcomer)) {
                ctx.rpc().call(newcomer, new Message.Store(r)).exceptionally(failure -> null);
            }
        }
        ctx.store().entriesIdleSince(Long.MAX_VALUE).forEach((key, entries) -> {
            if (responsibleFor(key, newcomer)) {
                for (List<SetEntry> page : Pages.of(entries, ctx.settings().setPageSize())) {
                    ctx.rpc().call(newcomer, new Message.StoreEntries(key, page)).exceptionally(failure -> null);
                }
            }
        });
    }

    /** The newcomer is among the k closest we know, and so are we. */
    private boolean responsibleFor(NodeId key, Contact newcomer) {
        List<Contact> closest = ctx.routing().closest(key, ctx.settings().k());
        return closest.contains(newcomer) && ctx.isReplica(key, closest);
    }
}
