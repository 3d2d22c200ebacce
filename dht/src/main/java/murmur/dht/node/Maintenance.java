package murmur.dht.node;

import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import murmur.dht.lookup.LookupMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work that keeps the network healthy: refresh idle buckets, republish records nobody re-stored
 * lately (and those this node published itself), and drop what has expired.
 */
final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final NodeContext ctx;
    private final Writes writes;
    private final Random random;
    private final Map<NodeId, OwnedRecord> published = new ConcurrentHashMap<>();
    private long lastRepublishMillis;

    Maintenance(NodeContext ctx, Writes writes, Random random) {
        this.ctx = ctx;
        this.writes = writes;
        this.random = random;
        this.lastRepublishMillis = ctx.clock().millis();
    }

    /** How often {@link #tick()} should run. */
    Duration period() {
        Duration shortest = ctx.settings().refreshInterval().compareTo(ctx.settings().republishInterval()) < 0
                ? ctx.settings().refreshInterval() : ctx.settings().republishInterval();
        return shortest.dividedBy(4);
    }

    /** Remembers a record this node wrote, to republish it until it expires. */
    void published(OwnedRecord record) {
        published.merge(record.key(), record, (old, r) -> r.supersedes(old) ? r : old);
    }

    void tick() {
        int purged = ctx.store().purgeExpired();
        long now = ctx.clock().millis();
        published.values().removeIf(r -> !r.expiresAt().isAfter(ctx.clock().instant()));
        refreshBuckets();
        long interval = ctx.settings().republishInterval().toMillis();
        if (now - lastRepublishMillis >= interval) {
            lastRepublishMillis = now;
            republish(now - interval);
        }
        if (purged > 0) {
            LOG.debug("purged {} expired records", purged);
        }
    }

    /** Looks up a random id in every bucket nobody looked into for a refresh interval. */
    void refreshBuckets() {
        List<Integer> stale = ctx.routing().bucketsToRefresh(ctx.settings().refreshInterval());
        for (int bucket : stale) {
            ctx.lookup(ctx.self().randomWithPrefix(bucket, random), LookupMode.NODES);
        }
    }

    /** After joining: refresh every bucket farther than the closest neighbour (Kademlia section 2.3). */
    void refreshFartherThanNeighbours() {
        int closest = ctx.routing().closestNonEmptyBucket();
        for (int bucket = 0; bucket < closest; bucket++) {
            ctx.lookup(ctx.self().randomWithPrefix(bucket, random), LookupMode.NODES);
        }
    }

    private void republish(long idleSince) {
        for (OwnedRecord r : ctx.store().recordsIdleSince(idleSince)) {
            writes.put(r);
        }
        ctx.store().entriesIdleSince(idleSince).forEach((key, entries) ->
                Pages.of(entries, ctx.settings().setPageSize()).forEach(page -> writes.putEntries(key, page)));
        for (OwnedRecord r : published.values()) {
            writes.put(r);
        }
    }
}
