package murmur.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import murmur.config.BootstrapSettings;
import murmur.config.MurmurSettings;
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

    private final MurmurSettings settings;
    private final StatusFile status;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "murmur-bootstrap-lifecycle");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
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
        // The DHT node is built, bound to host:port, loaded from dataDir and joined to the seeds here.
        state = State.RUNNING;
        status.write(state);
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
        // The DHT node is closed here, after it has persisted its store and routing table.
        state = State.STOPPED;
        if (wasUp) {
            status.write(state);
            LOG.info("bootstrap node stopped");
        }
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
