package murmur.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import murmur.app.demo.Demo;
import murmur.app.shell.DesktopClient;
import murmur.bootstrap.cli.FileLogging;
import murmur.config.MurmurSettings;
import murmur.timeline.peer.TimelinePeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code murmur demo}: a local network of three bootstrap nodes and a handful of demo users who follow each other
 * and post, with the desktop client open on it; {@code --no-gui} prints the activity instead.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Murmur on a local network (3 bootstrap nodes, demo users who post) and open the app.")
final class DemoCommand implements Callable<Integer> {
    /** Demo users derive keys cheaply so the network is up in seconds; the user's own account keeps the defaults. */
    static final List<String> DEMO_USER_SETTINGS = List.of("timeline.kdfMemoryKib=1024", "timeline.kdfIterations=1");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private MurmurCli root;

    @Option(names = "--no-gui", description = "run the network and its users without a window; print the activity")
    private boolean noGui;

    @Option(names = "--users", paramLabel = "N", description = "demo users, 2 to " + Demo.MAX_USERS + " (default 5)")
    private int users = 5;

    @Option(names = "--post-every", paramLabel = "SECONDS", description = "a demo user posts this often (default 8)")
    private int postEvery = 8;

    @Option(names = "--for", paramLabel = "SECONDS", description = "with --no-gui: stop after this long")
    private Optional<Integer> runFor = Optional.empty();

    @Option(names = "--dark", description = "start the app with the dark theme")
    private boolean dark;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var noDisplay = DesktopClient.missingDisplay(root.environment(), System.getProperty("os.name"));
        if (!noGui && noDisplay.isPresent()) {
            err.println("murmur demo: " + noDisplay.get() + ".");
            err.println("  Run it on a desktop, under xvfb-run, or use './murmur demo --no-gui' to run the network "
                    + "and print its activity.");
            return 1;
        }
        if (users < 2 || users > Demo.MAX_USERS || postEvery < 1) {
            err.println("murmur demo: --users must be 2 to " + Demo.MAX_USERS + " and --post-every at least 1");
            return MurmurCli.EXIT_USAGE;
        }
        Path folder = Files.createTempDirectory("murmur-demo-");
        Path log = folder.resolve("logs").resolve("murmur.log");
        FileLogging logging = FileLogging.attach(log).stderrOnlyFrom("WARN");
        try {
            return run(folder, log, out, err);
        } finally {
            logging.close();
        }
    }

    private int run(Path folder, Path log, PrintWriter out, PrintWriter err) throws Exception {
        out.printf("murmur demo: starting 3 bootstrap nodes and %d demo users on 127.0.0.1 (log: %s, removed when"
                + " the demo stops)...%n", users, log);
        out.flush();
        Demo demo = new Demo(extra -> root.settingsWith(concat(DEMO_USER_SETTINGS, extra)), folder, users,
                Duration.ofSeconds(postEvery), line -> {
                    if (noGui) {
                        synchronized (out) {
                            out.println(LocalTime.now().format(TIME) + "  " + line);
                            out.flush();
                        }
                    }
                });
        try {
            PeerRun.around(demo::start, () -> demo.stop().whenComplete((v, e) -> deleteQuietly(folder)),
                    started -> {
                        started.join();
                        show(demo, folder, out);
                    });
        } catch (CompletionException e) {
            err.println("murmur demo: could not start the local network: " + e.getCause().getMessage());
            return 1;
        }
        return 0;
    }

    private void show(Demo demo, Path folder, PrintWriter out) throws InterruptedException {
        out.printf("murmur demo: bootstrap nodes %s; demo users %s follow each other and post every %d s%n",
                demo.seedList(), String.join(", ", demo.userNames()), postEvery);
        out.flush();
        if (noGui) {
            out.println("murmur demo: printing activity" + runFor.map(s -> " for " + s + " s").orElse(
                    "; Ctrl-C stops"));
            out.flush();
            new CountDownLatch(1).await(runFor.orElse(Integer.MAX_VALUE), TimeUnit.SECONDS);
        } else {
            openApp(demo, folder, out);
        }
    }

    private void openApp(Demo demo, Path folder, PrintWriter out) throws InterruptedException {
        MurmurSettings settings = root.settingsWith(demo.peerSettings());
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(folder.resolve("you"))
                .seeds(demo.seedAddresses()).build();
        out.println("murmur demo: opening the app. Create an account, then follow someone from \"Who to follow\".");
        out.flush();
        PeerRun.around(peer::start, peer::stop, started -> DesktopClient.run(peer, started, demo.userNames(), dark,
                line -> say(out, line)));
    }

    /** One line on the command's output, at once. */
    static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
