package murmur.timeline.reach;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import murmur.dht.DialBackVerdict;
import murmur.dht.SetEntry;
import murmur.dht.node.DhtNode;
import murmur.transport.relay.RelayServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays for peers that nobody can dial, while the owner allows it ({@code timeline.relayForOthers}) and others can
 * dial this peer: runs a {@link RelayServer} with the owner's small caps ({@link RelayOffer}),
 * and lists it in {@link RelayDirectory} only once other nodes reached its port by a dial-back (through the router
 * when the peer is reachable through a mapping, which then forwards the relay's port too). The entry lives
 * {@link #TTL} and is written again every {@link #REPUBLISH}; it is withdrawn, and the relay closed with every
 * reservation it carried, when the peer becomes unreachable, when the day's bytes are spent, and at {@link #stop()}.
 * Its state is confined to the scheduler, which must run one task at a time.
 */
final class RelayHost {
    static final Duration REPUBLISH = Duration.ofMinutes(5);
    static final Duration TTL = REPUBLISH.multipliedBy(3);
    static final Duration TICK = Duration.ofSeconds(10);
    static final Duration LEASE = Duration.ofHours(1);
    static final Duration RETRY_UNKNOWN = Duration.ofSeconds(30);
    static final Duration WITHDRAW_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(RelayHost.class);

    private final RelayOffer offer;
    private final DhtNode dht;
    private final List<InetSocketAddress> checkers;
    private final InetAddress host;
    private final int linkPort;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RelayBudget budget;
    /** Where others dial this peer now; null while they cannot. */
    private Target target;
    private volatile RelayRun run;
    private boolean starting;
    private boolean publishing;
    private boolean stopped;
    private Instant startDue = Instant.MIN;
    private Instant publishDue = Instant.MIN;
    private Optional<PortMapping> mapping = Optional.empty();
    private PortMapper mappedBy = PortMapper.NONE;
    /** Grows whenever relaying stops, so that work begun before is not believed after. */
    private long epoch;
    private long lastSeq;
    private ScheduledFuture<?> tick;
    private volatile Optional<InetSocketAddress> listening = Optional.empty();
    private volatile Optional<InetSocketAddress> advertised = Optional.empty();

    /** The address others dial this peer at, and the router that forwards its ports ({@link PortMapper#NONE}). */
    private record Target(InetAddress ip, PortMapper router) {}

    /** One dial-back of the relay's port, as others would reach it. */
    private record Check(Optional<PortMapping> mapping, InetSocketAddress outside, DialBackVerdict verdict) {}

    /**
     * @param checkers nodes that dial the relay's port back before it is listed (the bootstrap nodes)
     * @param link     where the peer link listens: the relay binds the same address, by default its port + 1
     */
    RelayHost(RelayOffer offer, DhtNode dht, List<InetSocketAddress> checkers, InetSocketAddress link,
            ScheduledExecutorService scheduler, Clock clock) {
        this.offer = offer;
        this.dht = dht;
        this.checkers = List.copyOf(checkers);
        this.host = link.getAddress();
        this.linkPort = link.getPort();
        this.scheduler = scheduler;
        this.clock = clock;
        this.budget = new RelayBudget(offer.bytesPerDay(), clock);
    }

    /** Other computers dial this peer at {@code ip}, directly or through {@code router}'s mapping: relay. */
    void reachable(InetAddress ip, PortMapper router) {
        onScheduler(() -> {
            Target t = new Target(ip, router);
            if (stopped || t.equals(target)) {
                return;
            }
            target = t;
            publishDue = Instant.MIN;
            if (tick == null) {
                tick = scheduler.scheduleWithFixedDelay(this::round, TICK.toMillis(), TICK.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            round();
        });
    }

    /** Nobody can dial this peer (any more): stop relaying and withdraw the listing. */
    void unreachable() {
        onScheduler(() -> {
            if (target != null) {
                target = null;
                shutDown("this peer is no longer reachable from outside");
            }
        });
    }

    /** Stops for good: withdraws the listing (waiting for it at most {@link #WITHDRAW_WAIT}) and closes the relay. */
    CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            scheduler.execute(() -> {
                stopped = true;
                target = null;
                if (tick != null) {
                    tick.cancel(false);
                }
                shutDown("the peer stops").whenComplete((v, e) -> done.complete(null));
            });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        return done.completeOnTimeout(null, WITHDRAW_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** Where the relay listens now, if it runs. */
    Optional<InetSocketAddress> listening() {
        return listening;
    }

    /** The address listed in {@code relays/nodes} now, if any. */
    Optional<InetSocketAddress> advertised() {
        return advertised;
    }

    /** The running relay's server, for tests and status. */
    Optional<RelayServer> server() {
        RelayRun r = run;
        return r == null ? Optional.empty() : Optional.of(r.server());
    }

    private void round() {
        if (target == null || stopped) {
            return;
        }
        if (budget.spent(run == null ? 0 : run.bytesRelayed())) {
            if (run != null) {
                shutDown("today's " + offer.bytesPerDay() + " relayed bytes are spent; again at "
                        + budget.refillsAt());
            }
            return;
        }
        Instant now = clock.instant();
        if (run == null) {
            if (!starting && !now.isBefore(startDue)) {
                startRun();
            }
        } else if (!publishing && !now.isBefore(publishDue)) {
            publish();
        }
    }

    private void startRun() {
        starting = true;
        long ep = epoch;
        int preferred = linkPort < 65_535 ? linkPort + 1 : 0;
        RelayRun.start(host, offer.port(), preferred, offer.limits()).whenCompleteAsync((r, e) -> {
            starting = false;
            if (e != null) {
                LOG.warn("not relaying for others: {}", e.getMessage());
                startDue = clock.instant().plus(REPUBLISH);
                return;
            }
            if (ep != epoch || target == null) {
                r.close();
                return;
            }
            run = r;
            listening = Optional.of(r.address());
            LOG.info("relaying for peers behind routers on TCP {} (at most {} peers, {} B/s each)", r.address(),
                    offer.limits().maxReservations(), offer.limits().bytesPerSecondPerPeer());
            round();
        }, scheduler);
    }

    /** Checks that others reach the relay's port, then lists it; an unreachable port is withdrawn. */
    private void publish() {
        publishing = true;
        Target t = target;
        long ep = epoch;
        int local = run.address().getPort();
        CompletableFuture<Optional<PortMapping>> mapped = t.router() == PortMapper.NONE
                ? CompletableFuture.completedFuture(Optional.empty())
                : t.router().map(PortMapping.Protocol.TCP, local, LEASE);
        mapped.thenCompose(m -> {
            InetSocketAddress outside = m.map(PortMapping::external).orElse(new InetSocketAddress(t.ip(), local));
            return dht.checkReachable(checkers, 0, outside.getPort()).thenApply(v -> new Check(m, outside, v));
        }).whenCompleteAsync((c, e) -> {
            publishing = false;
            if (ep != epoch || t != target) {
                if (c != null) {
                    c.mapping().ifPresent(t.router()::unmap);
                }
                round();
                return;
            }
            Instant now = clock.instant();
            if (e != null) {
                LOG.warn("relay check failed: {}", e.toString());
                publishDue = now.plus(RETRY_UNKNOWN);
                return;
            }
            mapping = c.mapping();
            mappedBy = t.router();
            switch (c.verdict()) {
                case REACHABLE -> list(c.outside(), ep);
                case UNREACHABLE -> {
                    LOG.info("others cannot reach the relay at {}; not listing it", c.outside());
                    withdraw();
                }
                case UNKNOWN -> LOG.debug("nobody checked the relay at {}", c.outside());
            }
            publishDue = now.plus(c.verdict() == DialBackVerdict.UNKNOWN ? RETRY_UNKNOWN : REPUBLISH);
        }, scheduler);
    }

    private void list(InetSocketAddress outside, long ep) {
        Instant now = clock.instant();
        SetEntry entry = RelayDirectory.entry(dht.signingKey(), outside, nextSeq(now), TTL, now);
        dht.putEntry(dht.signingKey(), entry).whenCompleteAsync((result, e) -> {
            if (ep != epoch) {
                return;
            }
            if (e != null || result.accepted() == 0) {
                LOG.warn("cannot list the relay in {}: {}", RelayDirectory.KEY, e != null ? e.toString() : result);
                return;
            }
            if (!advertised.equals(Optional.of(outside))) {
                LOG.info("listed as a relay for others at {}", outside);
            }
            advertised = Optional.of(outside);
        }, scheduler);
    }

    /** Takes the listing out of the set, if there is one; completes when the set answered or after a while. */
    private CompletableFuture<Void> withdraw() {
        if (advertised.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        advertised = Optional.empty();
        Instant now = clock.instant();
        return dht.putEntry(dht.signingKey(), RelayDirectory.withdrawal(dht.signingKey(), nextSeq(now), TTL, now))
                .orTimeout(WITHDRAW_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((r, e) -> {
                    if (e != null) {
                        LOG.info("relay listing not withdrawn ({}); it expires within {}", e.toString(), TTL);
                    }
                    return null;
                });
    }

    private CompletableFuture<Void> shutDown(String why) {
        epoch++;
        publishDue = Instant.MIN;
        CompletableFuture<Void> withdrawn = withdraw();
        RelayRun r = run;
        run = null;
        listening = Optional.empty();
        Optional<PortMapping> m = mapping;
        mapping = Optional.empty();
        if (r == null) {
            return withdrawn;
        }
        LOG.info("stopped relaying for others: {}", why);
        budget.runEnded(r.bytesRelayed());
        m.ifPresent(mappedBy::unmap);
        return CompletableFuture.allOf(withdrawn, r.close());
    }

    private long nextSeq(Instant now) {
        lastSeq = Math.max(now.toEpochMilli(), lastSeq + 1);
        return lastSeq;
    }

    private void onScheduler(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("peer stopping; relay change ignored");
        }
    }
}
