package murmur.app.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import murmur.app.firstrun.DhtSeedCheck;
import murmur.app.firstrun.FirstRunViewModel;
import murmur.app.firstrun.SeedCheck;
import murmur.app.shell.DesktopClient;
import murmur.app.shell.StartingPeer;
import murmur.bootstrap.cli.FileLogging;
import murmur.config.HostPort;
import murmur.config.MurmurSettings;
import murmur.config.SettingsException;
import murmur.config.UserSettingsFile;
import murmur.timeline.peer.TimelinePeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code murmur app}: the desktop client on a peer of its own. Its settings: the defaults, then
 * {@code <data>/settings.yaml} (what the app saved: the bootstrap node chosen on the first-run screen), then
 * {@code --config}, then {@code --set}, {@code --host} and {@code --port}; {@code --bootstrap} beats
 * {@code app.bootstrapSeeds}. With no bootstrap node from any of them the window opens on the first-run screen.
 */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Start the Murmur desktop client.")
final class AppCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private MurmurCli root;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory (default: app.dataDir); the app keeps its settings in DIR/settings.yaml")
    private Path data;

    @Option(names = "--bootstrap", paramLabel = "host:port", split = ",",
            description = "bootstrap nodes to join through, comma-separated (default: app.bootstrapSeeds; none: the"
                    + " window asks for one and saves it in DIR/settings.yaml)")
    private List<String> bootstrap = new ArrayList<>();

    @Option(names = "--host", paramLabel = "IP",
            description = "IP address to listen on (default: timeline.host, empty: every interface, IPv4 and IPv6)")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "DHT port (UDP and TCP); the peer link takes PORT+1 (TCP). Default: kept from the last run")
    private Integer port;

    @Option(names = "--dark", description = "start with the dark theme")
    private boolean dark;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        var noDisplay = DesktopClient.missingDisplay(root.environment(), System.getProperty("os.name"));
        if (noDisplay.isPresent()) {
            err.println("murmur app: " + noDisplay.get() + ". Run it on a desktop, or under xvfb-run.");
            return 1;
        }
        DesktopClient.prestart(dark);   // the toolkit gets ready while the settings are read and the peer is built
        List<String> overrides = new ArrayList<>();
        if (host != null) {
            overrides.add("timeline.host=" + host);
        }
        if (port != null) {
            if (port < 1 || port > 65_534) {
                err.println("murmur app: --port: must be from 1 to 65534, got " + port);
                return MurmurCli.EXIT_USAGE;
            }
            overrides.add("timeline.dhtPort=" + port);
            overrides.add("timeline.peerPort=" + (port + 1));
        }
        Path dataDir;
        UserSettingsFile saved;
        MurmurSettings settings;
        try {
            dataDir = data != null ? data : root.settingsWith(overrides).app().dataDir();
            saved = UserSettingsFile.in(dataDir);
            settings = root.settingsWith(overrides, saved.existing());
        } catch (SettingsException e) {
            err.println("murmur app: " + e.getMessage());
            return MurmurCli.EXIT_USAGE;
        }
        List<String> seeds = bootstrap.isEmpty() ? settings.app().bootstrapSeeds() : bootstrap;
        TimelinePeer peer = null;
        if (!seeds.isEmpty()) {
            try {
                peer = peer(settings, dataDir, Seeds.parse(seeds));
            } catch (IllegalArgumentException e) {
                err.println("murmur app: " + (bootstrap.isEmpty() ? "app.bootstrapSeeds" : "--bootstrap") + ": "
                        + e.getMessage());
                return MurmurCli.EXIT_USAGE;
            }
        }
        Path log = dataDir.resolve("logs").resolve("murmur.log");
        FileLogging.attach(log).stderrOnlyFrom("WARN");
        PrintWriter out = spec.commandLine().getOut();
        String listening = settings.timeline().host().isEmpty() ? "every interface" : settings.timeline().host();
        if (peer == null) {
            say(out, String.format("murmur app: data in %s (log: %s), listening on %s; no bootstrap node known yet:"
                    + " the window asks for one and keeps it in %s", dataDir, log, listening, saved.path()));
            firstRun(settings, overrides, dataDir, saved, out, err);
            return 0;
        }
        say(out, String.format("murmur app: data in %s (log: %s), joining through %s, listening on %s", dataDir, log,
                String.join(",", seeds), listening));
        TimelinePeer running = peer;
        // The peer starts once the window shows (opening its database and sockets, joining), off the JavaFX
        // thread; a window closed before that stops a peer that never started.
        CompletableFuture<Void> shown = new CompletableFuture<>();
        CompletableFuture<Void> started = shown.thenComposeAsync(v -> startSaying(running, err));
        PeerRun.around(() -> started, () -> {
            shown.cancel(false);
            return started.handle((v, failure) -> null).thenCompose(v -> running.stop());
        }, s -> DesktopClient.run(running, s, List.of(), dark, line -> say(out, line), () -> shown.complete(null)));
        return 0;
    }

    /**
     * The window on the first-run screen: the peer is built and started only once the user has typed the address of
     * a bootstrap node that answered, and it has been saved.
     */
    private void firstRun(MurmurSettings settings, List<String> overrides, Path dataDir, UserSettingsFile saved,
            PrintWriter out, PrintWriter err) throws InterruptedException {
        // The DHT waits for the node's answer as long as the screen says it does; the user's --set still wins.
        List<String> checking = new ArrayList<>(List.of("dht.requestTimeout=" + FirstRunViewModel.TIMEOUT.toMillis()
                + "ms"));
        checking.addAll(overrides);
        SeedCheck check = new DhtSeedCheck(root.settingsWith(checking, saved.existing()).dht(), bindHost(settings));
        AtomicReference<Joined> joined = new AtomicReference<>();
        PeerRun.around(() -> CompletableFuture.completedFuture(null), () -> {
            Joined j = joined.get();
            return j == null ? CompletableFuture.completedFuture(null) : j.stop();
        }, none -> DesktopClient.runFirstRun(check, saved, seed -> {
            TimelinePeer peer = peer(settings, dataDir, Seeds.parse(List.of(seed.toString())));
            say(out, "murmur app: joining through " + seed + " (saved in " + saved.path() + ")");
            // Taking the data directory's lock and opening its database happen at once: not on the UI thread.
            CompletableFuture<CompletableFuture<Void>> invoked = CompletableFuture.supplyAsync(
                    () -> startSaying(peer, err));
            joined.set(new Joined(peer, invoked));
            return new StartingPeer(peer, invoked.thenCompose(started -> started));
        }, dark, line -> say(out, line)));
    }

    private static TimelinePeer peer(MurmurSettings settings, Path dataDir, List<InetSocketAddress> seeds) {
        return TimelinePeer.builder().settings(settings).dataDir(dataDir).seeds(seeds).build();
    }

    /** Where the peer will listen: the address to ask a bootstrap node from. */
    private static InetAddress bindHost(MurmurSettings settings) {
        InetAddress every = new InetSocketAddress(0).getAddress();
        String host = settings.timeline().host();
        return host.isEmpty() ? every : HostPort.ipLiteral(host).orElse(every);
    }

    private static void say(PrintWriter out, String line) {
        DemoCommand.say(out, line);
    }

    /** A peer built from the first-run screen, and its start once called. */
    private record Joined(TimelinePeer peer, CompletableFuture<CompletableFuture<Void>> invoked) {
        /** Stops the peer once its start has been called (not waiting for the start itself). */
        CompletableFuture<Void> stop() {
            return invoked.handle((started, failure) -> null).thenCompose(v -> peer.stop());
        }
    }

    /**
     * Starts the peer; a start that fails (another Murmur on the data directory fails at once) is said on standard
     * error too, while the window shows it on the sign-in screen.
     */
    static CompletableFuture<Void> startSaying(TimelinePeer peer, PrintWriter err) {
        return peer.start().whenComplete((v, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                err.println("murmur app: " + cause.getMessage());
                err.flush();
            }
        });
    }
}
