package murmur.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import murmur.bootstrap.admin.AdminServer;
import murmur.bootstrap.exchange.AdvertisedAddress;
import murmur.bootstrap.exchange.PeerExchange;
import murmur.bootstrap.metrics.NodeMetrics;
import murmur.bootstrap.relay.RelayService;
import murmur.bootstrap.sntp.SntpServer;
import murmur.config.BootstrapSettings;
import murmur.config.MurmurSettings;
import murmur.dht.node.DhtNode;
import murmur.transport.relay.RelayServer;
import murmur.dht.DialBackVerdict;
import murmur.dht.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bootstrap node's lifecycle: {@link #start()} brings up the DHT node (persistent in {@code <dataDir>/dht}), the
 * SNTP server, the admin endpoint and peer exchange, and joins the seeds; {@link #stop()} takes them down in reverse,
 * closing the store cleanly; {@link #terminated()} completes once it is down. Lifecycle work runs in order on one
 * thread of its own; the current state is also written to {@code <dataDir>/status.json}.
 */
public final class BootstrapDaemon {

    /** Where the daemon is in its life. */
    public enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapDaemon.class);
    private static final long STATUS_EVERY_SECONDS = 30;
    /** DHT ports the system may choose before the node gives up finding one whose next port is free. */
    private static final int PORT_PAIR_TRIES = 5;

    private final MurmurSettings settings;
    private final Clock clock;
    private final StatusFile status;
    private final NodeMetrics metrics = new NodeMetrics();
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> daemonThread(r, "lifecycle"));
    private final ScheduledExecutorService statusTicker =
            Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "status"));
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile DhtNode node;
    private volatile SntpServer sntp;
    private volatile AdminServer admin;
    private volatile PeerExchange exchange;
    private volatile RelayService relay;
    private volatile State state = State.NEW;
    private volatile Instant startedAt;
    private volatile DialBackVerdict reachability = DialBackVerdict.UNKNOWN;
    private CompletableFuture<Void> started;
    private CompletableFuture<Void> stopped;

    public BootstrapDaemon(MurmurSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.status = new StatusFile(settings.bootstrap(), clock);
    }

    /** Brings the node up; the future fails if it cannot, and the daemon is then {@link State#FAILED}. */
    public synchronized CompletableFuture<Void> start() {
        if (stopped != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the daemon was stopped"));
        }
        if (started == null) {
            state = State.STARTING;
            started = CompletableFuture.runAsync(this::bringUp, lifecycle).whenComplete((v, e) -> {
                if (e != null) {
                    state = State.FAILED;
                    LOG.error("bootstrap node failed to start", e);
                }
            });
        }
        return started;
    }

    private DhtNode startDht(BootstrapSettings b) {
        DhtNode dht = DhtNode.builder().settings(settings.dht()).observer(metrics.dhtObserver())
                .bindAddress(new InetSocketAddress(b.host(), b.port()))
                .dataDir(b.dataDir().resolve("dht")).build();
        node = dht;
        dht.start().join();
        return dht;
    }

    private void bringUp() {
        BootstrapSettings b = settings.bootstrap();
        try {
            Files.createDirectories(b.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + b.dataDir(), e);
        }
        startedAt = clock.instant();
        DhtNode dht = startDht(b);
        relay = new RelayService(b);
        Optional<RelayServer> relayed = relay.start(b.host(), dht.address().getPort()).join();
        // Peers look for the relay next to the DHT port. When the system chose the DHT port and another process
        // holds the one after it, take another pair rather than run without a relay.
        for (int tries = 1; relayed.isEmpty() && relay.nextToDht() && b.port() == 0 && tries < PORT_PAIR_TRIES;
                tries++) {
            LOG.info("the port after DHT port {} is taken; choosing another pair", dht.address().getPort());
            dht.stop().join();
            dht = startDht(b);
            relayed = relay.start(b.host(), dht.address().getPort()).join();
        }
        relayed.ifPresent(metrics::watch);
        metrics.watch(dht);
        sntp = new SntpServer(new InetSocketAddress(b.host(), b.sntpPort()), clock, metrics.sntpListener());
        sntp.start().join();
        admin = new AdminServer(new InetSocketAddress(b.adminHost(), b.adminPort()), this::health, metrics::scrape);
        admin.start().join();
        List<InetSocketAddress> seeds = b.seedEndpoints().stream()
                .map(s -> new InetSocketAddress(s.host(), s.port())).toList();
        dht.bootstrap(seeds).join();
        exchange = new PeerExchange(dht, AdvertisedAddress.of(b, dht.address().getPort()), b.exchangeInterval(),
                settings.dht().maxTtl(), clock);
        exchange.start().join();
        state = State.RUNNING;
        status.write(state, dhtStatus());
        statusTicker.scheduleAtFixedRate(() -> status.write(state, dhtStatus()), STATUS_EVERY_SECONDS,
                STATUS_EVERY_SECONDS, TimeUnit.SECONDS);
        long every = b.exchangeInterval().toMillis();
        statusTicker.scheduleWithFixedDelay(() -> checkReachable(seeds), 0, every, TimeUnit.MILLISECONDS);
        LOG.info("bootstrap node {} up: DHT {}:{}, SNTP {}, admin {}, data dir {}, seeds {}", dht.id(), b.host(),
                dht.address().getPort(), sntp.localAddress(), admin.localAddress(), b.dataDir(), b.seeds());
    }

    /**
     * Asks the other bootstrap nodes to dial this one back, so that {@code /health} says whether the world can. UDP
     * only: a bare TCP connect to the DHT port would count there as junk input.
     */
    private void checkReachable(List<InetSocketAddress> seeds) {
        if (seeds.isEmpty()) {
            return;
        }
        node.checkReachable(seeds, node.address().getPort(), 0).thenAccept(v -> {
            if (v != reachability) {
                LOG.info("reachability: {}", v.name().toLowerCase(Locale.ROOT));
            }
            reachability = v;
        });
    }

    /** Takes the node down; safe to call more than once, before or after {@link #start()}. */
    public synchronized CompletableFuture<Void> stop() {
        if (stopped == null) {
            CompletableFuture<?> after = started == null ? CompletableFuture.completedFuture(null) : started;
            stopped = after.handle((v, e) -> null).thenRunAsync(this::bringDown, lifecycle)
                    .whenComplete((v, e) -> {
                        lifecycle.shutdown();
                        if (e == null) {
                            terminated.complete(null);
                        } else {
                            terminated.completeExceptionally(e);
                        }
                    });
        }
        return stopped;
    }

    private void bringDown() {
        boolean wasUp = state == State.RUNNING;
        state = State.STOPPING;
        statusTicker.shutdownNow();
        if (exchange != null) {
            exchange.stop().join();
        }
        if (admin != null) {
            admin.stop().join();
        }
        if (sntp != null) {
            sntp.stop().join();
        }
        if (relay != null) {
            relay.stop().join();
        }
        if (node != null) {
            node.stop().join();
        }
        state = State.STOPPED;
        if (wasUp) {
            status.write(state, Map.of());
            LOG.info("bootstrap node stopped; store and routing table saved");
        }
    }

    /** What {@code GET /health} answers. */
    public Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("state", state.name());
        DhtNode dht = node;
        if (dht != null && state != State.STOPPED) {
            h.put("nodeId", dht.id().toHex());
            h.put("address", dht.address().getHostString() + ":" + dht.address().getPort());
            h.put("uptimeSeconds", Duration.between(startedAt, clock.instant()).toSeconds());
            h.put("routingTableSize", dht.routingTableSize());
            h.put("storedRecords", dht.storedRecords());
            h.put("storedBytes", dht.storedBytes());
            h.put("reachability", reachability.name().toLowerCase(Locale.ROOT));
            h.put("observedAddress", dht.observedAddress().map(InetAddress::getHostAddress).orElse(""));
            RelayService r = relay;
            h.put("relay", r == null ? Map.of() : r.server().<Map<String, Object>>map(s -> Map.of(
                    "port", s.address().getPort(), "reservations", s.reservations(), "circuits", s.circuits()))
                    .orElse(Map.of()));
        }
        SntpServer s = sntp;
        if (s != null) {
            h.put("sntpPort", s.localAddress().getPort());
        }
        return h;
    }

    /** The DHT node's id, once started. */
    public NodeId nodeId() {
        return node.id();
    }

    /** Where other nodes reach this one, once started. */
    public InetSocketAddress address() {
        return node.address();
    }

    /** Where the SNTP server answers, once started. */
    public InetSocketAddress sntpAddress() {
        return sntp.localAddress();
    }

    /** Where {@code /health} and {@code /metrics} answer, once started. */
    public InetSocketAddress adminAddress() {
        return admin.localAddress();
    }

    /** The running DHT node, for in-process users such as the demo and tests. */
    public DhtNode node() {
        return node;
    }

    /** The relay, once started, if it runs. */
    public Optional<RelayServer> relay() {
        RelayService r = relay;
        return r == null ? Optional.empty() : r.server();
    }

    /** The node's meters, as {@code /metrics} shows them. */
    public NodeMetrics metrics() {
        return metrics;
    }

    private Map<String, Object> dhtStatus() {
        DhtNode dht = node;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("nodeId", dht.id().toHex());
        s.put("address", dht.address().getHostString() + ":" + dht.address().getPort());
        s.put("contacts", dht.routingTableSize());
        s.put("storedItems", dht.storedRecords());
        s.put("sntp", sntp.localAddress().getPort());
        s.put("admin", admin.localAddress().getHostString() + ":" + admin.localAddress().getPort());
        return s;
    }

    /** Completes when the daemon has stopped, however the stop was asked for. */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    public State state() {
        return state;
    }

    /** The JSON file that tells operators and scripts what the node is doing. */
    public Path statusFile() {
        return status.path();
    }

    /** Stops the daemon cleanly when the JVM is asked to exit (SIGTERM, Ctrl-C). */
    public void registerShutdownHook() {
        long timeoutMs = settings.bootstrap().shutdownTimeout().toMillis();
        Thread hook = new Thread(() -> {
            try {
                LOG.info("shutdown requested");
                stop().get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("bootstrap node did not stop within {} ms; exiting anyway", timeoutMs);
            } catch (ExecutionException e) {
                LOG.error("bootstrap node failed to stop cleanly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "murmur-bootstrap-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        terminated.whenComplete((v, e) -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                LOG.debug("JVM is shutting down; hook stays");
            }
        });
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, "murmur-bootstrap-" + name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public String toString() {
        return "BootstrapDaemon[" + state + ", " + settings.bootstrap().dataDir() + "]";
    }
}
