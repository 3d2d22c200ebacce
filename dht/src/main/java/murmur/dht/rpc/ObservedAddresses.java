package murmur.dht.rpc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The address other nodes see this node's requests come from, as their answers report it. One report per reporting
 * IP counts (a node with many ids on one IP gets one vote), reports expire, and an address is believed only when at
 * least {@link #QUORUM} reporters on different IPs agree and no other address has as many: one lying node, or
 * several that disagree, never decide it. Thread-safe.
 */
public final class ObservedAddresses {
    /** Reporters on different IPs that must agree. */
    public static final int QUORUM = 2;
    static final int MAX_REPORTERS = 64;
    static final Duration REPORT_LIFETIME = Duration.ofMinutes(30);

    private final Clock clock;
    private final Map<InetAddress, Report> byReporter = new LinkedHashMap<>(16, 0.75f, true);
    private final CopyOnWriteArrayList<Consumer<Optional<InetAddress>>> listeners = new CopyOnWriteArrayList<>();
    private Optional<InetAddress> believed = Optional.empty();

    public ObservedAddresses(Clock clock) {
        this.clock = clock;
    }

    /** {@code reporter} answered and said our request came from {@code observed} (null: it did not say). */
    public void report(InetSocketAddress reporter, InetSocketAddress observed) {
        if (reporter == null || observed == null || reporter.getAddress() == null || observed.getAddress() == null) {
            return;
        }
        Optional<InetAddress> changed;
        synchronized (this) {
            Report previous = byReporter.put(reporter.getAddress(), new Report(observed.getAddress(), clock.instant()));
            if (previous == null && byReporter.size() > MAX_REPORTERS) {
                InetAddress eldest = byReporter.keySet().iterator().next();
                byReporter.remove(eldest);
            }
            changed = recount();
        }
        if (changed != null) {
            listeners.forEach(l -> l.accept(changed));
        }
    }

    /** The address believed now: agreed by a quorum of reporters, and by more of them than any other address. */
    public synchronized Optional<InetAddress> believed() {
        Optional<InetAddress> changed = recount();
        return changed != null ? changed : believed;
    }

    /** Called (on the reporting thread) whenever the believed address changes, with the new value. */
    public void onChange(Consumer<Optional<InetAddress>> listener) {
        listeners.add(listener);
    }

    /** Recomputes the believed address; returns the new value when it changed, null when it did not. */
    private Optional<InetAddress> recount() {
        Instant oldest = clock.instant().minus(REPORT_LIFETIME);
        byReporter.values().removeIf(r -> r.at().isBefore(oldest));
        Map<InetAddress, Integer> votes = new HashMap<>();
        for (Report r : byReporter.values()) {
            votes.merge(r.observed(), 1, Integer::sum);
        }
        InetAddress best = null;
        int bestVotes = 0;
        boolean tie = false;
        for (Map.Entry<InetAddress, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
                tie = false;
            } else if (e.getValue() == bestVotes) {
                tie = true;
            }
        }
        Optional<InetAddress> now = bestVotes >= QUORUM && !tie ? Optional.of(best) : Optional.empty();
        if (now.equals(believed)) {
            return null;
        }
        believed = now;
        return now;
    }

    private record Report(InetAddress observed, Instant at) {}
}
