package murmur.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import murmur.config.BootstrapSettings;
import murmur.config.MurmurSettings;
import murmur.dht.DhtNode;
import murmur.dht.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bootstrap node's lifecycle: {@link #start()} prepares the data directory and brings the node up,
 * {@link #stop()} takes it down cleanly, and {@link #terminated()} completes once it is down. Lifecycle work runs
 * on one thread of its own, in order; the current state is written to {@code <dataDir>/status.json}.
 */
public final class BootstrapDaemon {

    /** Where the daemon is in its life. */
    public enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapDaemon.class);
    private static final long STATUS_EVERY_SECONDS = 30;

    private final MurmurSettings settings;
    private final StatusFile status;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "murmur-bootstrap-lifecycle");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService statusTicker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "murmur-bootstrap-status");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile DhtNode node;
    private volatile State state = State.NEW;
    private CompletableFuture<Void> started;
    private CompletableFuture<Void> stopped;

    public BootstrapDaemon(MurmurSettings settings, Clock clock) {
        this.settings = settings;
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

    private void bringUp() {
        BootstrapSettings b = settings.bootstrap();
        try {
            Files.createDirectories(b.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + b.dataDir(), e);
        }
        DhtNode dht = DhtNode.builder().settings(settings.dht())
                .bindAddress(new InetSocketAddress(b.host(), b.port()))
                .dataDir(b.dataDir().resolve("dht")).build();
        node = dht;
        dht.start().join();
        List<InetSocketAddress> seeds = b.seedEndpoints().stream()
                .map(s -> new InetSocketAddress(s.host(), s.port())).toList();
        dht.bootstrap(seeds).join();
        state = State.RUNNING;
        status.write(state, dhtStatus());
        statusTicker.scheduleAtFixedRate(() -> status.write(state, dhtStatus()), STATUS_EVERY_SECONDS,
                STATUS_EVERY_SECONDS, TimeUnit.SECONDS);
        LOG.info("bootstrap node up: {}:{}, data dir {}, seeds {}", b.host(), b.port(), b.dataDir(), b.seeds());
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
        DhtNode dht = node;
        if (dht != null) {
            dht.stop().join();
        }
        state = State.STOPPED;
        if (wasUp) {
            status.write(state, Map.of());
            LOG.info("bootstrap node stopped");
        }
    }

    /** The DHT node's id, once started. */
    public NodeId nodeId() {
        return node.id();
    }

    /** Where other nodes reach this one, once started. */
    public InetSocketAddress address() {
        return node.address();
    }

    private Map<String, Object> dhtStatus() {
        DhtNode dht = node;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("nodeId", dht.id().toHex());
        s.put("address", dht.address().getHostString() + ":" + dht.address().getPort());
        s.put("contacts", dht.routingTableSize());
        s.put("storedItems", dht.storedRecords());
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

    @Override
    public String toString() {
        return "BootstrapDaemon[" + state + ", " + settings.bootstrap().dataDir() + "]";
    }
}
