package murmur.dht.store;

import java.util.Map;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;

/**
 * Which entry a full set gives up for a new writer: an expired one not yet purged, else the one with the least work,
 * and that only if the newcomer proves strictly more. Among equals the one that came last goes, so that the older
 * entries stay: a flood at one level of work cannot push out what was there before it at that level.
 */
final class FullSets {
    private FullSets() {}

    /** The writer whose entry makes room for a newcomer with {@code work}, or null: the set stays as it is. */
    static NodeId victim(Map<NodeId, Held<SetEntry>> set, int work, long nowMillis) {
        NodeId victim = null;
        Held<SetEntry> least = null;
        for (Map.Entry<NodeId, Held<SetEntry>> e : set.entrySet()) {
            Held<SetEntry> held = e.getValue();
            if (held.expiresAtMillis() <= nowMillis) {
                return e.getKey();
            }
            if (least == null || held.work < least.work
                    || held.work == least.work && held.receivedAt > least.receivedAt) {
                least = held;
                victim = e.getKey();
            }
        }
        return least != null && work > least.work ? victim : null;
    }
}
