package murmur.app.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a command's body while a service runs, and stops the service afterwards — also when the process is
 * interrupted (Ctrl-C, SIGTERM), so users are signed out and stores closed cleanly.
 */
final class PeerRun {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    /** The command's work while the service runs. */
    interface Body {
        void run(CompletableFuture<Void> started) throws InterruptedException;
    }

    private PeerRun() {}

    static void around(Supplier<CompletableFuture<Void>> start, Supplier<CompletableFuture<Void>> stop, Body body)
            throws InterruptedException {
        Thread hook = new Thread(() -> stopQuietly(stop), "murmur-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            body.run(start.get());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return;
            }
            stopQuietly(stop);
        }
    }

    private static void stopQuietly(Supplier<CompletableFuture<Void>> stop) {
        stop.get().orTimeout(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
    }
}
