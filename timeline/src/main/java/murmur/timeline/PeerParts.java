package murmur.timeline;

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
import murmur.dht.DhtNode;
import murmur.timeline.clock.ClockSync;
import murmur.timeline.dissemination.DisseminationService;
import murmur.timeline.dissemination.LocalUser;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.PeerLink;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.post.PostStore;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.session.AccountService;
import murmur.timeline.session.FollowNotices;
import murmur.timeline.session.MessageTypes;
import murmur.timeline.session.PeerContext;
import murmur.timeline.session.UserSession;
import murmur.timeline.store.Database;

/** Owns and wires the peer's services; starts them in dependency order and stops them in reverse. */
final class PeerParts {

    private static final Live<ConnectionStatus> NOT_STARTED = new LiveValue<>(ConnectionStatus.OFFLINE);

    private final TimelinePeer.Config config;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "timeline-scheduler"));
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> daemon(r, "timeline-worker"));
    private DhtNode dht;
    private Joining joining;
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
        joining = new Joining(dht, config.seeds());
        InetSocketAddress linkAddress = new InetSocketAddress(config.host(), config.settings().timeline().peerPort());
        return PeerLink.bind(linkAddress, LinkSettings.from(config.settings().timeline())).thenAccept(l -> {
            link = l;
            link.onRequest(MessageTypes.FOLLOW_NOTICE, new FollowNotices(() -> current));
        }).thenCompose(v -> dht.start()).thenCompose(v -> joining.join()).thenRun(() -> {
            clockSync.start();
            PostStore posts = new PostStore(db);
            UserDirectory users = new UserDirectory(dht, db);
            DisseminationService dissemination = new DisseminationService(link::request, dht, posts, users,
                    config.settings().timeline(), clockSync.clock(), scheduler, addresses().get(0), localUser());
            dissemination.handlers().forEach(link::onRequest);
            PeerContext ctx = new PeerContext(config.settings(), dht, db, posts, users,
                    link::request, scheduler, clockSync.clock(), this::addresses, dissemination);
            accounts = new AccountService(ctx, workers, s -> current = s);
            joining.watch(scheduler);
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
        return joining == null ? NOT_STARTED : joining.connection();
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
        return List.of(PeerAddresses.format(a));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
