package murmur.timeline.reach;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import murmur.timeline.link.PeerAddress;
import murmur.transport.relay.RelayReservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps reservations at {@link #WANTED} relays while the peer cannot be dialled, so that others reach it through
 * them ({@link #via()}). Candidates are the given ones (the bootstrap nodes' relays) first, then user peers that relay
 * for others, as {@code discover} finds them ({@link RelayDirectory}: a bounded sample) when the keeper starts and
 * at each retry; repeats are dropped. They are tried in turn; a reservation that ends is replaced at once by the next
 * candidate, and when none takes one the keeper looks again after {@link #RETRY}. {@code onChange} runs (on the
 * scheduler) whenever the set of relays changes. Thread-safe.
 */
final class RelayKeeper {
    static final int WANTED = 2;
    static final Duration RETRY = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(RelayKeeper.class);

    private final Function<InetSocketAddress, CompletableFuture<RelayReservation>> reserve;
    private final List<InetSocketAddress> given;
    private final Supplier<CompletableFuture<List<InetSocketAddress>>> discover;
    private List<InetSocketAddress> candidates;
    private boolean discovering;
    private final byte[] ownKey;
    private final ScheduledExecutorService scheduler;
    private final Runnable onChange;
    private final Map<InetSocketAddress, RelayReservation> live = new LinkedHashMap<>();
    private final List<InetSocketAddress> pending = new ArrayList<>();
    private boolean wanted;
    private boolean retryScheduled;
    private int next;

    /**
     * @param reserve    opens a reservation at a relay (the peer link's {@code reserveAt})
     * @param candidates relays to use, in order of preference
     * @param ownKey     the node key the reservations prove, which dialers name in {@code via:} addresses
     * @param discover   finds further relays (user peers listed in the DHT), never this peer's own
     */
    RelayKeeper(Function<InetSocketAddress, CompletableFuture<RelayReservation>> reserve,
            List<InetSocketAddress> candidates, byte[] ownKey, ScheduledExecutorService scheduler, Runnable onChange,
            Supplier<CompletableFuture<List<InetSocketAddress>>> discover) {
        this.reserve = reserve;
        this.given = List.copyOf(new LinkedHashSet<>(candidates));
        this.candidates = given;
        this.discover = discover;
        this.ownKey = ownKey.clone();
        this.scheduler = scheduler;
        this.onChange = onChange;
    }

    /** On: keep reservations (the peer is unreachable); off: give them all up. */
    void want(boolean on) {
        List<RelayReservation> drop = List.of();
        synchronized (this) {
            if (wanted == on) {
                return;
            }
            wanted = on;
            if (!on) {
                drop = new ArrayList<>(live.values());
                live.clear();
            }
        }
        drop.forEach(RelayReservation::close);
        if (on) {
            fill();
            discover();
        } else if (!drop.isEmpty()) {
            onChange.run();
        }
    }

    /** How others reach this peer through its relays now, best first. */
    synchronized List<PeerAddress> via() {
        return live.keySet().stream().map(r -> PeerAddress.relayed(r, ownKey)).toList();
    }

    /** Every relay the keeper would try now, in order: the given ones, then those discovered. */
    synchronized List<InetSocketAddress> candidates() {
        return candidates;
    }

    /** The relays in use now. */
    synchronized List<InetSocketAddress> relays() {
        return List.copyOf(live.keySet());
    }

    void stop() {
        want(false);
    }

    private void fill() {
        List<InetSocketAddress> start = new ArrayList<>();
        synchronized (this) {
            for (int tried = 0; wanted && tried < candidates.size()
                    && live.size() + pending.size() + start.size() < WANTED; tried++) {
                InetSocketAddress c = candidates.get(next++ % candidates.size());
                if (!live.containsKey(c) && !pending.contains(c) && !start.contains(c)) {
                    start.add(c);
                }
            }
            pending.addAll(start);
            if (wanted && start.isEmpty() && live.size() + pending.size() < WANTED) {
                retryLater();
            }
        }
        start.forEach(this::open);
    }

    private void open(InetSocketAddress relay) {
        reserve.apply(relay).whenComplete((r, failure) -> {
            boolean keep;
            synchronized (this) {
                pending.remove(relay);
                keep = r != null && wanted;
                if (keep) {
                    live.put(relay, r);
                }
            }
            if (r == null) {
                LOG.info("no reservation at relay {}: {}", relay, failure.getMessage());
                synchronized (this) {
                    retryLater();
                }
                return;
            }
            if (!keep) {
                r.close();
                return;
            }
            LOG.info("reachable through relay {}", relay);
            r.closed().thenRun(() -> lost(relay, r));
            onChange.run();
        });
    }

    private void lost(InetSocketAddress relay, RelayReservation r) {
        boolean changed;
        synchronized (this) {
            changed = live.remove(relay, r);
        }
        if (changed) {
            LOG.info("relay {} went away; finding another", relay);
            onChange.run();
            fill();
        }
    }

    /** Called with the lock held. */
    private void retryLater() {
        if (retryScheduled || !wanted) {
            return;
        }
        retryScheduled = true;
        scheduler.schedule(() -> {
            synchronized (this) {
                retryScheduled = false;
            }
            fill();
            discover();
        }, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for user relays in the background (one search at a time); tries them when short of relays. */
    private void discover() {
        synchronized (this) {
            if (discovering || !wanted) {
                return;
            }
            discovering = true;
        }
        CompletableFuture<List<InetSocketAddress>> found;
        try {
            found = discover.get();
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        found.whenComplete((relays, e) -> {
            synchronized (this) {
                discovering = false;
                if (relays != null) {
                    LinkedHashSet<InetSocketAddress> all = new LinkedHashSet<>(given);
                    all.addAll(relays);
                    candidates = List.copyOf(all);
                }
            }
            if (e != null) {
                LOG.info("no relays found in the network: {}", e.getMessage());
            } else if (!relays.isEmpty()) {
                LOG.debug("{} user relays found in the network", relays.size());
            }
            fill();
        });
    }
}
