package murmur.timeline;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import murmur.config.HostPort;
import murmur.dht.DhtNode;
import murmur.dht.SetEntry;
import murmur.dht.exchange.BootstrapDirectory;
import murmur.dht.wire.MalformedMessageException;
import murmur.dht.wire.RecordBytes;
import murmur.timeline.clock.ClockSync;
import murmur.timeline.dissemination.DisseminationService;
import murmur.timeline.dissemination.LocalUser;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.PeerLink;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.post.PostStore;
import murmur.timeline.session.AccountService;
import murmur.timeline.session.MessageTypes;
import murmur.timeline.session.PeerContext;
import murmur.timeline.session.UserSession;
import murmur.timeline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns and wires the peer's services; starts them in dependency order and stops them in reverse. */
final class PeerParts {
    private static final Logger LOG = LoggerFactory.getLogger(PeerParts.class);
    private static final long LEARN_WAIT_SECONDS = 5;
    private static final long REJOIN_SECONDS = 5;

    private final TimelinePeer.Config config;
    private final LiveValue<ConnectionStatus> connection = new LiveValue<>(ConnectionStatus.OFFLINE);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "timeline-scheduler"));
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> daemon(r, "timeline-worker"));
    private DhtNode dht;
    private Database db;
    private final ClockSync clockSync;
    private PeerLink link;
    private AccountService accounts;
    private volatile UserSession current;

    PeerParts(TimelinePeer.Config config) {
        this.config = config;
        List<HostPort> seeds = config.seeds().stream().map(a -> new HostPort(a.getHostString(), a.getPort())).toList();
        this.clockSync = ClockSync.fromSettings(config.settings().timeline(), seeds, config.clock());
    }

    CompletableFuture<Void> start() {
        db = Database.open(config.dataDir());
        dht = DhtNode.builder().settings(config.settings().dht()).dataDir(config.dataDir().resolve("dht"))
                .bindAddress(new InetSocketAddress(config.host(), 0)).build();
        InetSocketAddress linkAddress = new InetSocketAddress(config.host(), config.settings().timeline().peerPort());
        return PeerLink.bind(linkAddress, LinkSettings.from(config.settings().timeline())).thenAccept(l -> {
            link = l;
            link.onRequest(MessageTypes.FOLLOW_NOTICE, this::followNotice);
        }).thenCompose(v -> dht.start()).thenCompose(v -> dht.bootstrap(config.seeds()).exceptionally(e -> {
            LOG.warn("could not join through {}: {}", config.seeds(), e.getMessage());
            return null;
        })).thenCompose(v -> learnBootstrapNodes()).thenRun(() -> {
            clockSync.start();
            PostStore posts = new PostStore(db);
            UserDirectory users = new UserDirectory(dht, db);
            DisseminationService dissemination = new DisseminationService(link::request, dht, posts, users,
                    config.settings().timeline(), clockSync.clock(), scheduler, addresses().get(0), localUser());
            dissemination.handlers().forEach(link::onRequest);
            PeerContext ctx = new PeerContext(config.settings(), dht, db, posts, users,
                    link::request, scheduler, clockSync.clock(), this::addresses, dissemination);
            accounts = new AccountService(ctx, workers, s -> current = s);
            scheduler.scheduleWithFixedDelay(this::updateConnection, 0, 1, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(this::rejoinIfAlone, REJOIN_SECONDS, REJOIN_SECONDS, TimeUnit.SECONDS);
        });
    }

    /** Joins the other bootstrap nodes listed in {@code bootstrap/nodes}, so one known seed is enough. */
    private CompletableFuture<Void> learnBootstrapNodes() {
        if (dht.routingTableSize() == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return BootstrapDirectory.learn(dht).<Void>thenApply(listed -> {
            LOG.info("{} bootstrap nodes listed in the network", listed.size());
            return null;
        }).completeOnTimeout(null, LEARN_WAIT_SECONDS, TimeUnit.SECONDS).exceptionally(e -> {
            LOG.info("bootstrap/nodes not read: {}", e.getMessage());
            return null;
        });
    }

    CompletableFuture<Void> stop() {
        UserSession s = current;
        CompletableFuture<Void> loggedOut = s == null ? CompletableFuture.completedFuture(null) : s.logout();
        return loggedOut.thenCompose(v -> clockSync.stop().exceptionally(e -> null))
                .thenCompose(v -> link == null ? CompletableFuture.completedFuture(null) : link.close())
                .thenCompose(v -> dht == null ? CompletableFuture.completedFuture(null) : dht.stop())
                .whenComplete((v, e) -> {
                    scheduler.shutdownNow();
                    workers.shutdownNow();
                    if (db != null) {
                        db.close();
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
            public Live<ConnectionStatus> connection() {
                return connection;
            }

            @Override
            public Live<ClockStatus> clockStatus() {
                return PeerParts.this.clockStatus();
            }

            @Override
            public Clock clock() {
                return PeerParts.this.clock();
            }
        };
    }

    private CompletableFuture<TimelineService> afterLogout(Function<Void, CompletableFuture<TimelineService>> next) {
        UserSession s = current;
        CompletableFuture<Void> out = s == null ? CompletableFuture.completedFuture(null) : s.logout();
        return out.thenCompose(next);
    }

    Live<ConnectionStatus> connection() {
        return connection;
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

    private CompletableFuture<byte[]> followNotice(InetSocketAddress from, byte[] body) {
        UserSession s = current;
        if (s == null || !s.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no one is logged in here"));
        }
        SetEntry entry;
        try {
            entry = RecordBytes.decodeEntry(body);
        } catch (MalformedMessageException e) {
            LOG.warn("malformed follow notice from {}: {}", from, e.getMessage());
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed notice"));
        }
        return s.receiveNotice(entry).thenApply(ok -> {
            if (!ok) {
                LOG.warn("dropped a follow notice from {} that is not genuine or not for {}", from, s.user());
                throw new IllegalArgumentException("not a genuine notice for " + s.user());
            }
            return new byte[0];
        });
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
            public void postsChanged() {
                UserSession s = current;
                if (s != null && s.isOpen()) {
                    s.postArrived();
                }
            }
        };
    }

    private List<String> addresses() {
        InetSocketAddress a = peerAddress();
        return List.of(new HostPort(a.getHostString(), a.getPort()).toString());
    }

    /**
     * A peer that started with no network (a laptop on a train) or lost every contact tries its seeds again, so it
     * comes online by itself once they answer.
     */
    private void rejoinIfAlone() {
        if (dht.routingTableSize() == 0 && !config.seeds().isEmpty()) {
            dht.bootstrap(config.seeds()).thenCompose(v -> learnBootstrapNodes()).exceptionally(e -> null);
        }
    }

    private void updateConnection() {
        int peers = dht.routingTableSize();
        connection.set(new ConnectionStatus(peers > 0, peers));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
