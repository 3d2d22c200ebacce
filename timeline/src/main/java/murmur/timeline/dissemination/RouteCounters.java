package murmur.timeline.dissemination;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this peer refused to do for the routes pushes carry, and receipt signatures it refused, counted; each kind
 * is logged the first time only, so a flood of hostile pushes does not become a flood of log lines.
 */
final class RouteCounters {
    private static final Logger LOG = LoggerFactory.getLogger(RouteCounters.class);

    /** Kinds of refusal. */
    enum Kind {
        /** a push whose subtree is larger than a real tree leaves below its depth */
        OVERSIZED_SUBTREE,
        /** an address that is not one to connect to (wildcard, multicast, broadcast, port 0) or none at all */
        UNDIALABLE_ADDRESS,
        /** an adopted orphan without signed presence of its own */
        UNVERIFIED_ORPHAN,
        /** orphans not adopted because the push already cost its share of failed hops */
        ADOPTION_CAP,
        /** a receipt's holder whose signature does not check against its pinned key (or who has none) */
        FORGED_RECEIPT
    }

    private final AtomicLong[] counts = new AtomicLong[Kind.values().length];
    private final AtomicBoolean[] logged = new AtomicBoolean[Kind.values().length];

    RouteCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicLong();
            logged[i] = new AtomicBoolean();
        }
    }

    void count(Kind kind, String detail) {
        counts[kind.ordinal()].incrementAndGet();
        if (logged[kind.ordinal()].compareAndSet(false, true)) {
            LOG.warn("route refused ({}): {}; further ones are only counted", kind, detail);
        }
    }

    long count(Kind kind) {
        return counts[kind.ordinal()].get();
    }
}
