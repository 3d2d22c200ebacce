package murmur.dht.lookup;

import java.util.List;
import murmur.dht.routing.Contact;
import murmur.dht.wire.Message;

/**
 * The outcome of a lookup: the closest contacts that answered (nearest first), the answers that carried a value or a
 * set page, the requests it sent, and its hop count (the length of the chain of referrals to the first value, or to
 * the closest node).
 */
public record LookupResult(List<Contact> closest, List<Found> found, int rpcs, int hops) {
    /** An answer that carried what the lookup looked for, and how many referrals it took to get there. */
    public record Found(Contact from, Message answer, int hops) {}
}
