package murmur.app.shell;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import murmur.app.firstrun.SeedCheck;
import murmur.config.HostPort;
import murmur.config.UserSettingsFile;
import murmur.timeline.Accounts;

/**
 * Runs the Murmur window for a peer until the user closes it. JavaFX starts here (no {@code Application}
 * subclass), so the caller keeps owning the peer and stops it after {@link #run} returns.
 */
public final class DesktopClient {

    private static final AtomicBoolean PRESTARTED = new AtomicBoolean();
    private static final CompletableFuture<Void> TOOLKIT = new CompletableFuture<>();

    private DesktopClient() {}

    /**
     * Why no window can open here, if it cannot: on Linux and other Unixes a display server must be named by
     * {@code DISPLAY} or {@code WAYLAND_DISPLAY}.
     */
    public static Optional<String> missingDisplay(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return display ? Optional.empty()
                : Optional.of("no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)");
    }

    /**
     * Opens the window on {@code peer}, which may still be joining ({@code started}), and blocks until the user
     * has closed it and been signed out. Once the first frame is on its way it says so through {@code say}, with the
     * time since the JVM started (what {@code ./murmur bench startup} measures).
     */
    public static void run(Accounts peer, CompletableFuture<Void> started, List<String> featured, boolean dark,
            Consumer<String> say) throws InterruptedException {
        run(peer, started, featured, dark, say, () -> { });
    }

    /**
     * Like {@link #run}, and calls {@code shown} (on the JavaFX thread) once the window is on the screen: a caller
     * that starts its peer only then leaves the 2 cores to the window until it shows (the user still has a name and
     * a password to type).
     */
    public static void run(Accounts peer, CompletableFuture<Void> started, List<String> featured, boolean dark,
            Consumer<String> say, Runnable shown) throws InterruptedException {
        open(stage -> {
            AfterStart accounts = new AfterStart(peer, started);
            new MurmurWindow(accounts, accounts.started(), peer.clock(), Platform::runLater, featured, dark)
                    .show(stage);
        }, say, shown);
    }

    /**
     * Opens the window on the first-run screen, for a start that knows no bootstrap node yet: once a node answers at
     * the address the user types, it is saved in {@code settings} and {@code join} builds and starts the peer through
     * it (on the JavaFX thread), and the sign-in screen follows in the same window. Blocks until the user has closed
     * the window (and been signed out); says "window open" through {@code say} like {@link #run}.
     */
    public static void runFirstRun(SeedCheck check, UserSettingsFile settings, Function<HostPort, StartingPeer> join,
            boolean dark, Consumer<String> say) throws InterruptedException {
        open(stage -> new FirstRunWindow(check, settings, join, Platform::runLater, dark).show(stage), say, () -> { });
    }

    /**
     * Starts JavaFX on a thread of its own and returns at once, so that the toolkit (the display connection, GTK,
     * the renderer, the theme's stylesheet) gets ready while the caller reads its settings and builds its peer; the
     * window then opens on it (about 0.3 s sooner on a 2-core machine). Calling it again, or not at all, is fine.
     */
    public static void prestart(boolean dark) {
        if (!PRESTARTED.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().name("murmur-fx-start").daemon().start(() -> {
            try {
                Rendering.chooseBeforeStart();
                Platform.setImplicitExit(false);
                Platform.startup(() -> {
                    Theme.apply(dark);   // parsing the theme's stylesheet is the first thing any window waits for
                    TOOLKIT.complete(null);
                });
            } catch (IllegalStateException alreadyRunning) {
                TOOLKIT.complete(null);
            } catch (RuntimeException | Error e) {
                TOOLKIT.completeExceptionally(e);
            }
        });
    }

    private static void open(Consumer<Stage> show, Consumer<String> say, Runnable shown)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        prestart(false);
        try {
            TOOLKIT.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            AtomicBoolean once = new AtomicBoolean();
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
                if (once.compareAndSet(false, true)) {
                    say.accept("murmur: window open " + ManagementFactory.getRuntimeMXBean().getUptime()
                            + " ms after the JVM started");
                    shown.run();
                }
            }));
            show.accept(stage);
        });
        try {
            closed.await();
        } finally {
            Platform.exit();
        }
    }
}
