package murmur.dht.node;

import murmur.dht.OwnedRecord;
import java.util.Optional;

/** A read with what it cost: requests sent and the hop count of the lookup. */
public record TracedRead(Optional<OwnedRecord> record, int rpcs, int hops) {}
