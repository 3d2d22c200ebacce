package murmur.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;
import murmur.app.shell.DesktopClient;
import murmur.bootstrap.cli.FileLogging;
import murmur.config.MurmurSettings;
import murmur.timeline.peer.TimelinePeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code murmur app}: the desktop client on a peer of its own. */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Start the Murmur desktop client.")
final class AppCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private MurmurCli root;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: app.dataDir)")
    private Path data;

    @Option(names = "--bootstrap", paramLabel = "host:port", split = ",",
            description = "bootstrap nodes to join through, comma-separated (default: app.bootstrapSeeds)")
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
        MurmurSettings settings = root.settingsWith(overrides);
        List<String> seeds = bootstrap.isEmpty() ? settings.app().bootstrapSeeds() : bootstrap;
        Path dataDir = data != null ? data : settings.app().dataDir();
        TimelinePeer peer;
        try {
            peer = TimelinePeer.builder().settings(settings).dataDir(dataDir).seeds(Seeds.parse(seeds)).build();
        } catch (IllegalArgumentException e) {
            err.println("murmur app: --bootstrap: " + e.getMessage());
            return MurmurCli.EXIT_USAGE;
        }
        Path log = dataDir.resolve("logs").resolve("murmur.log");
        FileLogging.attach(log).stderrOnlyFrom("WARN");
        spec.commandLine().getOut().printf("murmur app: data in %s (log: %s), joining through %s, listening on %s%n",
                dataDir, log, String.join(",", seeds), settings.timeline().host().isEmpty() ? "every interface"
                        : settings.timeline().host());
        spec.commandLine().getOut().flush();
        PeerRun.around(() -> startSaying(peer, err), peer::stop,
                started -> DesktopClient.run(peer, started, List.of(), dark,
                        line -> DemoCommand.say(spec.commandLine().getOut(), line)));
        return 0;
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
