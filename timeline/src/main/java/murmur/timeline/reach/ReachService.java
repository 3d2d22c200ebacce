package murmur.timeline.reach;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import murmur.config.HostPort;
import murmur.config.TimelineSettings;
import murmur.dht.node.DhtNode;
import murmur.dht.DialBackVerdict;
import murmur.transport.relay.RelayReservation;
import murmur.timeline.Reachability;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How other computers reach this peer, kept current: opens the router for the DHT's UDP port and the link's TCP
 * port (renewing each lease at half its life, removing them at {@link #stop()}), learns the public address other
 * nodes observe, asks other nodes to dial it back, and publishes the outcome ({@link #reachability()}) and every
 * address to publish in presence ({@link #addresses()}). It checks again every {@code timeline.reachabilityCheck},
 * and soon after the observed address or the machine's own addresses change. A peer that nobody can dial, even
 * after asking the router, keeps reservations at relays ({@link RelayKeeper}) and publishes them as {@code via:}
 * addresses, and its DHT node stays in client mode until a check finds it reachable again. A peer whose owner lets
 * it relay for others ({@code timeline.relayForOthers}) does so while a check finds it reachable ({@link RelayHost}),
 * and unreachable peers find such relays in {@link RelayDirectory} besides the bootstrap nodes' own.
 */
public final class ReachService {
    private static final Logger LOG = LoggerFactory.getLogger(ReachService.class);
    static final Duration LEASE = Duration.ofHours(1);
    static final Duration NETWORK_POLL = Duration.ofSeconds(15);
    static final Duration SETTLE = Duration.ofSeconds(1);
    /** When no node answered, ask again this soon rather than after a whole check interval. */
    static final Duration RETRY_UNKNOWN = Duration.ofSeconds(30);

    private final DhtNode dht;
    private final int linkPort;
    private final List<InetSocketAddress> checkers;
    private final PortMapper mapper;
    private final boolean mapping;
    private final Duration recheck;
    private final ScheduledExecutorService scheduler;
    private final AddressBook book;
    private final InetAddress bound;
    private final LiveValue<Reachability> state = new LiveValue<>(Reachability.CHECKING);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean mappingInFlight = new AtomicBoolean();
    /** Counts the router's answers, so a check that overlapped one is not believed. */
    private final AtomicLong mappings = new AtomicLong();
    private volatile boolean routerAsked;
    private volatile boolean stopped;
    private volatile Optional<PortMapping> tcpMapping = Optional.empty();
    private volatile Optional<PortMapping> udpMapping = Optional.empty();
    /** When the router is next to be asked: now at first, then at half the lease, or a check interval after a no. */
    private volatile long mapDueNanos = System.nanoTime();
    private volatile List<InetAddress> lastLocal;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> periodic;
    private volatile RelayKeeper relays;
    private volatile RelayHost relayHost;
    private volatile DialBackVerdict lastVerdict;

    /**
     * @param dht       the peer's DHT node, started
     * @param link      where the peer link listens (bind address and real port)
     * @param checkers  nodes to ask for a dial-back (the bootstrap nodes)
     * @param mapper    the router; {@link PortMapper#NONE} when mapping is off
     * @param recheck   how often to check again when nothing changed
     */
    public ReachService(DhtNode dht, InetSocketAddress link, List<InetSocketAddress> checkers, PortMapper mapper,
            Duration recheck, ScheduledExecutorService scheduler) {
        this.dht = dht;
        this.linkPort = link.getPort();
        this.bound = link.getAddress();
        this.checkers = List.copyOf(checkers);
        this.mapper = mapper;
        this.mapping = mapper != PortMapper.NONE;
        this.recheck = recheck;
        this.scheduler = scheduler;
        // Presence and every push read the addresses; the interfaces are asked only by the network poll.
        this.lastLocal = LocalAddresses.reachableVia(bound);
        this.book = new AddressBook(link, ignored -> lastLocal);
    }

    /**
     * Lets the peer fall back on relays: {@code reserve} opens a reservation (the link's {@code reserveAt}),
     * {@code candidates} are the relays to try, {@code ownKey} the node key dialers name. Call before {@link #start}.
     */
    public void relayThrough(Function<InetSocketAddress, CompletableFuture<RelayReservation>> reserve,
            List<InetSocketAddress> candidates, byte[] ownKey) {
        if (!candidates.isEmpty()) {
            Random random = new Random();
            relays = new RelayKeeper(reserve, candidates, ownKey, scheduler, this::relaysChanged,
                    () -> RelayDirectory.read(dht, random));
        }
    }

    /**
     * Relays for others, with the caps of {@code settings}, whenever a check finds this peer reachable, if
     * {@code timeline.relayForOthers} is on. A peer on loopback only is never checked, so it never relays. Call before
     * {@link #start}.
     */
    public void offerRelay(TimelineSettings settings, Clock clock) {
        if (!settings.relayForOthers()) {
            return;
        }
        relayHost = new RelayHost(RelayOffer.from(settings), dht, checkers, new InetSocketAddress(bound, linkPort),
                scheduler, clock);
    }

    /** Starts the first check in the background; completes at once. */
    public CompletableFuture<Void> start() {
        if (book.onLoopbackOnly()) {
            state.set(new Reachability(Reachability.State.THIS_COMPUTER_ONLY, book.addresses(), "",
                    "This computer only: listening on " + book.addresses().get(0)));
            return CompletableFuture.completedFuture(null);
        }
        dht.onObservedAddressChange(a -> soon());
        poll = scheduler.scheduleWithFixedDelay(this::watchNetwork, NETWORK_POLL.toMillis(), NETWORK_POLL.toMillis(),
                TimeUnit.MILLISECONDS);
        periodic = scheduler.scheduleWithFixedDelay(this::refresh, recheck.toMillis(), recheck.toMillis(),
                TimeUnit.MILLISECONDS);
        refresh();
        return CompletableFuture.completedFuture(null);
    }

    /** Stops checking and removes the router's mappings (waits for the router, within bounds). */
    public CompletableFuture<Void> stop() {
        stopped = true;
        if (poll != null) {
            poll.cancel(false);
            periodic.cancel(false);
        }
        tcpMapping = Optional.empty();
        udpMapping = Optional.empty();
        RelayKeeper r = relays;
        if (r != null) {
            r.stop();
        }
        RelayHost h = relayHost;
        CompletableFuture<Void> relayStopped = h == null ? CompletableFuture.completedFuture(null) : h.stop();
        return relayStopped.thenCompose(v -> mapper.close());
    }

    public Live<Reachability> reachability() {
        return state;
    }

    /** Every address to publish in presence, best first. */
    public List<String> addresses() {
        book.observed(dht.observedAddress());
        return book.addresses();
    }

    /** Checks again a moment from now (changes tend to come in bursts). */
    private void soon() {
        if (!stopped) {
            scheduler.schedule(this::refresh, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void watchNetwork() {
        List<InetAddress> now = LocalAddresses.reachableVia(bound);
        if (!now.equals(lastLocal)) {
            LOG.info("this machine's addresses changed: {} -> {}", lastLocal, now);
            lastLocal = now;
            tcpMapping = Optional.empty();
            udpMapping = Optional.empty();
            book.mapped(Optional.empty());
            mapDueNanos = System.nanoTime();
            refresh();
        } else if (mapping && System.nanoTime() >= mapDueNanos) {
            refresh();
        }
    }

    /**
     * One round: a dial-back check with the mappings there are now. Rounds never overlap; one asked for meanwhile
     * runs right after. When the router is due to be asked (first, on renewal or after a network change), that runs
     * beside the check, never in front of it (finding a UPnP router takes seconds), and a new mapping starts a new
     * round.
     */
    void refresh() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        mapIfDue();
        checkNow().whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("reachability check failed", e);
            }
            running.set(false);
            if (again.getAndSet(false)) {
                refresh();
            }
        });
    }

    /** Asks the router when a lease is due for renewal, and otherwise at most once per check interval. */
    private void mapIfDue() {
        boolean due = mapping && System.nanoTime() >= mapDueNanos;
        if (!due || !mappingInFlight.compareAndSet(false, true)) {
            return;
        }
        mapPorts().whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("opening the router failed", e);
            }
            if (tcpMapping.isEmpty()) {
                mapDueNanos = System.nanoTime() + recheck.toNanos();
            }
            routerAsked = true;
            mappingInFlight.set(false);
            refresh();
        });
    }

    private CompletableFuture<Void> mapPorts() {
        return mapper.map(PortMapping.Protocol.TCP, linkPort, LEASE).thenCompose(tcp -> {
            tcpMapping = tcp;
            return tcp.isEmpty() ? CompletableFuture.completedFuture(Optional.<PortMapping>empty())
                    : mapper.map(PortMapping.Protocol.UDP, dht.address().getPort(), LEASE);
        }).thenAccept(udp -> {
            udpMapping = udp;
            mappings.incrementAndGet();
            book.mapped(tcpMapping.map(PortMapping::external));
            Duration life = tcpMapping.map(PortMapping::lifetime).orElse(recheck);
            Duration half = life.dividedBy(2).compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30)
                    : life.dividedBy(2);
            mapDueNanos = System.nanoTime() + half.toNanos();
        });
    }

    private CompletableFuture<Void> checkNow() {
        book.observed(dht.observedAddress());
        int udp = udpMapping.map(m -> m.external().getPort()).orElse(dht.address().getPort());
        int tcp = tcpMapping.map(m -> m.external().getPort()).orElse(linkPort);
        if (checkers.isEmpty()) {
            publish(DialBackVerdict.UNKNOWN);
            return CompletableFuture.completedFuture(null);
        }
        long mapped = mappings.get();
        return dht.checkReachable(checkers, udp, tcp).thenAccept(verdict -> {
            if (mappings.get() != mapped) {
                // The router opened (or closed) ports while the nodes dialled: a fresh round is queued.
                again.set(true);
                return;
            }
            publish(verdict);
            if (verdict == DialBackVerdict.UNKNOWN && !stopped) {
                scheduler.schedule(this::refresh, RETRY_UNKNOWN.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void relaysChanged() {
        DialBackVerdict v = lastVerdict;
        if (v != null && !stopped) {
            publish(v);
        }
    }

    /** Relays for others while reachable, if offered; an unknown verdict changes nothing. */
    private void offerRelay(DialBackVerdict verdict) {
        RelayHost h = relayHost;
        if (h == null || verdict == DialBackVerdict.UNKNOWN) {
            return;
        }
        if (verdict != DialBackVerdict.REACHABLE) {
            h.unreachable();
            return;
        }
        // Where the nodes that dialled back found this peer: the router's address, else the observed one.
        Optional<InetAddress> ip = tcpMapping.map(m -> m.external().getAddress()).or(dht::observedAddress)
                .or(() -> book.addresses().stream().findFirst().filter(a -> !a.startsWith("via:"))
                        .flatMap(a -> HostPort.ipLiteral(HostPort.parse(a).host())));
        ip.ifPresentOrElse(a -> h.reachable(a, tcpMapping.isPresent() ? mapper : PortMapper.NONE), h::unreachable);
    }

    /** The relay this peer offers others, if its owner allows one. */
    Optional<RelayHost> relayHost() {
        return Optional.ofNullable(relayHost);
    }

    /** Acts on a dial-back verdict; the checks call it, and tests that cannot be dialled from elsewhere. */
    synchronized void publish(DialBackVerdict verdict) {
        lastVerdict = verdict;
        book.observedWorks(verdict == DialBackVerdict.REACHABLE);
        // A node nobody can reach must not fill routing tables with its address: DHT client mode until it can be.
        if (verdict != DialBackVerdict.UNKNOWN) {
            dht.clientMode(verdict == DialBackVerdict.UNREACHABLE);
        }
        RelayKeeper keeper = relays;
        // Relays only once the router had its chance: a mapping on its way would make them needless.
        boolean routerSaidNo = routerAsked && !mappingInFlight.get() && tcpMapping.isEmpty();
        boolean needRelays = verdict == DialBackVerdict.UNREACHABLE && (!mapping || routerSaidNo);
        if (keeper != null && verdict != DialBackVerdict.UNKNOWN) {
            keeper.want(needRelays);
        }
        offerRelay(verdict);
        // An unknown verdict (nobody answered the check) keeps whatever relays are held.
        boolean useRelays = keeper != null && (needRelays || verdict == DialBackVerdict.UNKNOWN);
        List<InetSocketAddress> through = useRelays ? keeper.relays() : List.of();
        book.relayed(useRelays ? keeper.via() : List.of());
        List<String> addresses = book.addresses();
        if (!through.isEmpty()) {
            Reachability r = new Reachability(Reachability.State.RELAYED, addresses, "", "Reachable through relay"
                    + (through.size() > 1 ? "s " : " ") + through.stream().map(a -> a.getAddress().getHostAddress())
                    .collect(Collectors.joining(" and ")) + " (this network lets nobody in directly)");
            if (!Objects.equals(state.get(), r)) {
                LOG.info("{}", r.words());
            }
            state.set(r);
            return;
        }
        String method = tcpMapping.map(PortMapping::method).orElse("");
        Reachability r = switch (verdict) {
            case REACHABLE -> new Reachability(Reachability.State.REACHABLE, addresses, method,
                    "Reachable at " + addresses.get(0) + (method.isEmpty() ? "" : " (router opened by " + method
                            + ")"));
            case UNREACHABLE -> new Reachability(Reachability.State.UNREACHABLE, addresses, method,
                    !mapping ? "Behind a router or firewall that lets nobody in (opening the router is turned off)"
                            : tcpMapping.isPresent() ? "Behind a router that was opened, yet nobody got in"
                            : !routerAsked || mappingInFlight.get() ? "Behind a router: asking it to open a port"
                            : "Behind a router that could not be opened");
            case UNKNOWN -> new Reachability(Reachability.State.UNKNOWN, addresses, method,
                    checkers.isEmpty() ? "Reachability unknown: no bootstrap node to ask"
                            : "Reachability unknown: no node answered the check");
        };
        if (!Objects.equals(state.get(), r)) {
            LOG.info("{}", r.words());
        }
        state.set(r);
    }
}
