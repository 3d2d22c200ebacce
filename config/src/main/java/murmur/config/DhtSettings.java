package murmur.config;

import java.time.Duration;

/**
 * Settings of one Kademlia node. Defaults live in {@code murmur/defaults.yaml}; the names follow
 * Maymounkov and Mazières (2002) where the paper has one.
 *
 * @param k                    bucket size and replication factor
 * @param alpha                parallel requests per lookup
 * @param requestTimeout       a request not answered by then has failed
 * @param stallFloor           shortest wait before a lookup stops counting a silent request and asks
 *                             someone else in parallel (the actual wait adapts to the measured round trip)
 * @param refreshInterval      a bucket with no lookup for this long is refreshed
 * @param republishInterval    every holder re-stores its records this often
 * @param maxTtl               cap on the time-to-live a writer may ask for
 * @param staleAfterFailures   consecutive failures after which a contact is dropped even with no replacement
 * @param replacementCacheSize contacts kept per bucket to replace dead ones
 * @param contactFreshFor      a contact heard from within this time counts as alive: a newcomer to a full bucket
 *                             makes the node ping the bucket's least recently seen member only once that member has
 *                             been silent for longer (else every request from a stranger cost a ping)
 * @param readReplicas         replicas a read collects before it picks the newest value
 * @param maxValueBytes        largest value of an owned record
 * @param maxEntryBytes        largest value of one set entry
 * @param maxSetEntries        most entries one set may hold
 * @param setPageSize          entries per page when a set is read
 * @param maxRecords           most records (owned records plus sets) one node stores
 * @param maxStoreBytes        most bytes of records and entries one node stores, counting a fixed overhead per item
 * @param udpMaxPayload        largest datagram; bigger messages go over TCP
 * @param maxMessageBytes      largest message accepted on any transport
 * @param maxClockSkew         how far in the future a record's issue time may lie
 * @param requestsPerIpPerSecond requests one IP address may send per second (bursts of twice as many); beyond that
 *                             they are refused ("rate limited") and counted. Loopback is not limited
 * @param writesPerIpPerSecond stores one IP address may send per second (bursts of twice as many), within the above
 * @param setMinWorkBits       least proof of work (leading zero bits of the hash over set key, writer key and nonce)
 *                             a set entry must carry to be stored; a full set lets a new writer in only by evicting
 *                             the entry with the least work, and only with strictly more
 * @param setMaxWorkBits       most work a writer does for one entry when holders answer "full" (it adds
 *                             {@code 4} bits per round from the minimum up to this)
 */
public record DhtSettings(
        int k,
        int alpha,
        Duration requestTimeout,
        Duration stallFloor,
        Duration refreshInterval,
        Duration republishInterval,
        Duration maxTtl,
        int staleAfterFailures,
        int replacementCacheSize,
        Duration contactFreshFor,
        int readReplicas,
        int maxValueBytes,
        int maxEntryBytes,
        int maxSetEntries,
        int setPageSize,
        int maxRecords,
        long maxStoreBytes,
        int udpMaxPayload,
        int maxMessageBytes,
        Duration maxClockSkew,
        int requestsPerIpPerSecond,
        int writesPerIpPerSecond,
        int setMinWorkBits,
        int setMaxWorkBits) {}
