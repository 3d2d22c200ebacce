package murmur.timeline.peer;

import murmur.timeline.Accounts;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
import murmur.timeline.Fanout;
import murmur.timeline.Reachability;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import murmur.config.HostPort;
import murmur.config.TimelineSettings;
import murmur.dht.node.DhtNode;
import murmur.timeline.clock.ClockSync;
import murmur.timeline.dissemination.DisseminationService;
import murmur.timeline.dissemination.Holder;
import murmur.timeline.dissemination.LocalUser;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.post.PostStore;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.reach.KeptPorts;
import murmur.timeline.reach.PortMapper;
import murmur.timeline.reach.ReachService;
import murmur.timeline.reach.RouterPortMapper;
import murmur.timeline.session.AccountService;
import murmur.timeline.session.FollowNotices;
import murmur.timeline.session.PeerContext;
import murmur.timeline.session.UserSession;
import murmur.timeline.store.DataDirLock;
import murmur.timeline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns and wires the peer's services; starts them in dependency order and stops them in reverse. */
final class PeerParts {

    private static final Logger LOG = LoggerFactory.getLogger(PeerParts.class);
    private static final String DHT_PORT = "dhtPort";
    private static final String LINK_PORT = "peerPort";

    private final TimelinePeer.Config config;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "timeline-scheduler"));
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> daemon(r, "timeline-worker"));
    private DhtNode dht;
    private Joining joining;
    private DataDirLock lock;
    private Database db;
    private final ClockSync clockSync;
    private DirectLink link;
    private ReachService reach;
    /** Exists before start, so that the window can show it at once; follows the reach service once it runs. */
    private final LiveValue<Reachability> reachability = new LiveValue<>(Reachability.CHECKING);
    /** Exists before start, like {@link #reachability}; follows the joining once the DHT node is up. */
    private final LiveValue<ConnectionStatus> connection = new LiveValue<>(ConnectionStatus.OFFLINE);
    /** Exists before start, like {@link #reachability}; follows the dissemination once it runs. */
    private final LiveValue<Fanout> fanout = new LiveValue<>(Fanout.NOT_MEASURED);
    private AccountService accounts;
    private volatile UserSession current;

    PeerParts(TimelinePeer.Config config) {
        this.config = config;
        List<HostPort> seeds = config.seeds().stream().map(a -> new HostPort(a.getHostString(), a.getPort())).toList();
        TimelineSettings t = config.settings().timeline();
        this.clockSync = new ClockSync(config.transports().timeSources(t, seeds), t.clockRefresh(), t.ntpTimeout(),
                config.clock());
    }

    /**
     * Locks the data directory, then opens the database and the rest. A directory another peer holds fails the
     * returned future at once with {@code DATA_DIR_IN_USE}, before anything else is opened.
     */
    CompletableFuture<Void> start() {
        try {
            lock = DataDirLock.acquire(config.dataDir());
            db = Database.open(config.dataDir());
        } catch (TimelineException e) {
            if (lock != null) {
                lock.close();
                lock = null;
            }
            return CompletableFuture.failedFuture(e);
        }
        KeptPorts kept = KeptPorts.in(config.dataDir());
        TimelineSettings t = config.settings().timeline();
        InetAddress host = bindHost();
        return startDht(host, kept.choose(DHT_PORT, t.dhtPort())).thenCompose(node -> {
            dht = node;
            kept.put(DHT_PORT, node.address().getPort());
            joining = new Joining(dht, config.seeds());
            joining.connection().subscribe(connection::set);
            return bindLink(host, kept.choose(LINK_PORT, t.peerPort()));
        }).thenAccept(l -> {
            link = l;
            kept.put(LINK_PORT, l.address().getPort());
            link.onRequest(LinkTypes.FOLLOW_NOTICE, new FollowNotices(() -> current));
            PortMapper mapper = t.portMapping() && !host.isLoopbackAddress()
                    ? RouterPortMapper.forDefaultGateway() : PortMapper.NONE;
            reach = new ReachService(dht, new InetSocketAddress(host, l.address().getPort()), config.seeds(), mapper,
                    t.reachabilityCheck(), scheduler);
            link.identity(dht.signingKey());
            if (t.holePunch()) {
                link.holePunching(dht::observedAddress);
            }
            // Bootstrap nodes relay on their DHT port + 1.
            reach.relayThrough(link::reserveAt, config.seeds().stream()
                    .map(s -> new InetSocketAddress(s.getAddress(), s.getPort() + 1)).toList(),
                    dht.signingKey().publicKey());
            // User peers whose owner allows it relay too, while reachable; they list themselves in the DHT.
            reach.offerRelay(t, clockSync.clock());
            reach.reachability().subscribe(reachability::set);
        }).thenCompose(v -> joining.join()).thenRun(() -> {
            clockSync.start();
            reach.start();
            PostStore posts = new PostStore(db);
            UserDirectory users = new UserDirectory(dht, db, clockSync.clock());
            DisseminationService dissemination = new DisseminationService(link::request, dht, posts, users,
                    t, clockSync.clock(), scheduler, () -> PeerAddresses.join(addresses()), localUser());
            dissemination.handlers().forEach(link::onRequest);
            dissemination.fanout().subscribe(fanout::set);
            PeerContext ctx = new PeerContext(config.settings(), dht, db, posts, users,
                    link::request, scheduler, clockSync.clock(), this::addresses, dissemination);
            accounts = new AccountService(ctx, workers, s -> current = s);
            joining.watch(scheduler);
        });
    }

    /** The configured address, or every interface (IPv6 and IPv4 on one dual-stack socket) when none is. */
    private InetAddress bindHost() {
        String host = config.host() != null ? config.host() : config.settings().timeline().host();
        if (host.isEmpty()) {
            return new InetSocketAddress(0).getAddress();
        }
        return HostPort.ipLiteral(host).orElseThrow(() -> new IllegalArgumentException("cannot listen on '" + host
                + "': not an IP address"));
    }

    /** The DHT node on {@code port}; when that port is taken, on a new one (logged). */
    private CompletableFuture<DhtNode> startDht(InetAddress host, int port) {
        DhtNode node = config.transports().dhtNode(new InetSocketAddress(host, port), config.settings().dht(),
                config.dataDir().resolve("dht"));
        return node.start().handle((v, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(node);
            }
            if (port == 0) {
                return node.stop().<DhtNode>thenCompose(x -> CompletableFuture.failedFuture(e));
            }
            LOG.warn("DHT port {} is taken ({}); listening on a new port instead", port, e.getMessage());
            return node.stop().thenCompose(x -> startDht(host, 0));
        }).thenCompose(f -> f);
    }

    /** The peer link on {@code port}; when that port is taken, on a new one (logged). */
    private CompletableFuture<DirectLink> bindLink(InetAddress host, int port) {
        LinkSettings settings = LinkSettings.from(config.settings().timeline());
        PeerTransports transports = config.transports();
        return transports.bindLink(new InetSocketAddress(host, port), settings).handle((l, e) -> {
            if (e == null || port == 0) {
                return e == null ? CompletableFuture.completedFuture(l) : CompletableFuture.<DirectLink>failedFuture(e);
            }
            LOG.warn("peer port {} is taken ({}); listening on a new port instead", port, e.getMessage());
            return transports.bindLink(new InetSocketAddress(host, 0), settings);
        }).thenCompose(f -> f);
    }

    CompletableFuture<Void> stop() {
        UserSession s = current;
        CompletableFuture<Void> loggedOut = s == null ? CompletableFuture.completedFuture(null) : s.logout();
        return loggedOut.thenCompose(v -> clockSync.stop().exceptionally(e -> null))
                .thenCompose(v -> reach == null ? CompletableFuture.completedFuture(null)
                        : reach.stop().exceptionally(e -> null))
                .thenCompose(v -> link == null ? CompletableFuture.completedFuture(null) : link.close())
                .thenCompose(v -> dht == null ? CompletableFuture.completedFuture(null) : dht.stop())
                .whenComplete((v, e) -> {
                    scheduler.shutdownNow();
                    workers.shutdownNow();
                    if (db != null) {
                        db.close();
                    }
                    if (lock != null) {
                        lock.close();
                    }
                });
    }

    Accounts accounts() {
        return new Accounts() {
            @Override
            public CompletableFuture<TimelineService> register(String name, String password) {
                return afterLogout(s -> accounts.register(name, password));
            }

            @Override
            public CompletableFuture<TimelineService> login(String name, String password) {
                return afterLogout(s -> accounts.login(name, password));
            }

            @Override
            public CompletableFuture<TimelineService> restore(String name, List<String> phrase, String newPassword) {
                return afterLogout(s -> accounts.recover(name, phrase, newPassword));
            }

            @Override
            public Live<ConnectionStatus> connection() {
                return PeerParts.this.connection();
            }

            @Override
            public Live<ClockStatus> clockStatus() {
                return PeerParts.this.clockStatus();
            }

            @Override
            public Clock clock() {
                return PeerParts.this.clock();
            }

            @Override
            public Live<Reachability> reachability() {
                return PeerParts.this.reachability();
            }

            @Override
            public Live<Fanout> fanout() {
                return PeerParts.this.fanout();
            }
        };
    }

    private CompletableFuture<TimelineService> afterLogout(Function<Void, CompletableFuture<TimelineService>> next) {
        if (accounts == null) {
            return CompletableFuture.failedFuture(new TimelineException(TimelineException.Reason.NO_NETWORK,
                    "the peer has not started yet"));
        }
        UserSession s = current;
        CompletableFuture<Void> out = s == null ? CompletableFuture.completedFuture(null) : s.logout();
        return out.thenCompose(next);
    }

    Live<ConnectionStatus> connection() {
        return connection;
    }

    Live<Reachability> reachability() {
        return reachability;
    }

    Live<Fanout> fanout() {
        return fanout;
    }

    Live<ClockStatus> clockStatus() {
        return clockSync.status();
    }

    Clock clock() {
        return clockSync.clock();
    }

    DhtNode dht() {
        return dht;
    }

    InetSocketAddress peerAddress() {
        return link.address();
    }

    /** The user logged in now, for dissemination: who takes pushes, and whose timeline to refresh. */
    private LocalUser localUser() {
        return new LocalUser() {
            @Override
            public Optional<String> name() {
                UserSession s = current;
                return s != null && s.isOpen() ? Optional.of(s.user()) : Optional.empty();
            }

            @Override
            public boolean follows(String author) {
                UserSession s = current;
                return s != null && s.isOpen() && (author.equals(s.user()) || s.following().get().contains(author)
                        && !s.blocked().get().contains(author));
            }

            @Override
            public boolean blocks(String name) {
                UserSession s = current;
                return s != null && s.isOpen() && s.blocked().get().contains(name);
            }

            @Override
            public Optional<Holder> holder() {
                UserSession s = current;
                return s != null && s.isOpen() ? Optional.of(new Holder(s.user(), s::attestHolding)) : Optional.empty();
            }

            @Override
            public void postsChanged() {
                UserSession s = current;
                if (s != null && s.isOpen()) {
                    s.postArrived();
                }
            }
        };
    }

    /** Every address other peers may reach this one's link at, best first, as presence publishes them. */
    List<String> addresses() {
        return reach.addresses();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
