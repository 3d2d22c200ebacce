package murmur.bootstrap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import murmur.bootstrap.BootstrapDaemon;
import murmur.config.MurmurSettings;
import murmur.config.MurmurVersion;
import murmur.config.SettingsException;
import murmur.config.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code murmur bootstrap}: runs a bootstrap node until it is told to stop. Settings come from the defaults, then
 * {@code --config}, then {@code --set}, then the dedicated flags ({@code --port} and friends), last one winning.
 */
@Command(name = "murmur bootstrap", mixinStandardHelpOptions = true, versionProvider = BootstrapCli.Version.class,
        description = "Run a Murmur bootstrap node: a headless DHT daemon with a fixed address.",
        footer = {"", "Logs go to stderr and, as JSON lines, to <data>/logs/bootstrap.log.",
            "State: <data>/status.json, and GET /health and /metrics on the admin port."})
public final class BootstrapCli implements Callable<Integer> {

    static final int EXIT_USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapCli.class);

    @Option(names = "--config", paramLabel = "<file>", description = "YAML settings file")
    private Path config;

    @Option(names = "--set", paramLabel = "key=value", description = "override one setting, e.g. dht.k=16")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--host", paramLabel = "<address>", description = "address to bind (bootstrap.host)")
    private String host;

    @Option(names = "--port", paramLabel = "<port>", description = "DHT UDP and TCP port (bootstrap.port)")
    private Integer port;

    @Option(names = {"--data", "--data-dir"}, paramLabel = "<dir>",
            description = "identity, store, logs and status (bootstrap.dataDir)")
    private String dataDir;

    @Option(names = {"--peer", "--seed"}, paramLabel = "<host:port>",
            description = "another bootstrap node to join; repeatable, replaces bootstrap.seeds")
    private List<String> seeds = new ArrayList<>();

    @Option(names = "--sntp-port", paramLabel = "<port>", description = "SNTP server UDP port (bootstrap.sntpPort)")
    private Integer sntpPort;

    @Option(names = "--admin-port", paramLabel = "<port>",
            description = "admin HTTP port for /health and /metrics (bootstrap.adminPort)")
    private Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "<address>",
            description = "admin HTTP address, loopback by default (bootstrap.adminHost)")
    private String adminHost;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BootstrapCli()).execute(args));
    }

    /** The {@code key=value} overrides: {@code --set} first, then the dedicated flags. */
    List<String> overrides() {
        List<String> all = new ArrayList<>(overrides);
        Optional.ofNullable(host).ifPresent(h -> all.add("bootstrap.host=" + h));
        Optional.ofNullable(port).ifPresent(p -> all.add("bootstrap.port=" + p));
        Optional.ofNullable(dataDir).ifPresent(d -> all.add("bootstrap.dataDir=" + d));
        Optional.ofNullable(sntpPort).ifPresent(p -> all.add("bootstrap.sntpPort=" + p));
        Optional.ofNullable(adminPort).ifPresent(p -> all.add("bootstrap.adminPort=" + p));
        Optional.ofNullable(adminHost).ifPresent(h -> all.add("bootstrap.adminHost=" + h));
        if (!seeds.isEmpty()) {
            all.add("bootstrap.seeds=" + String.join(",", seeds));
        }
        return all;
    }

    MurmurSettings loadSettings() {
        return SettingsLoader.load(Optional.ofNullable(config), overrides());
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MurmurSettings settings;
        try {
            settings = loadSettings();
        } catch (SettingsException e) {
            err.println("murmur bootstrap: " + e.getMessage());
            return EXIT_USAGE;
        }
        FileLogging fileLog = FileLogging.attach(settings.bootstrap().dataDir().resolve("logs/bootstrap.log"));
        try {
            LOG.info("murmur {} bootstrap node, settings {}", MurmurVersion.get(), settings.bootstrap());
            LOG.info("dht settings {}", settings.dht());
            return run(settings, err);
        } finally {
            fileLog.close();
        }
    }

    private int run(MurmurSettings settings, PrintWriter err) {
        BootstrapDaemon daemon = new BootstrapDaemon(settings, Clock.systemUTC());
        daemon.registerShutdownHook();
        try {
            daemon.start().join();
        } catch (CompletionException e) {
            err.println("murmur bootstrap: cannot start: " + e.getCause().getMessage());
            daemon.stop().join();
            return 1;
        }
        spec.commandLine().getOut().println("bootstrap node " + daemon.nodeId() + " listening on "
                + daemon.address().getHostString() + ":" + daemon.address().getPort() + ", SNTP on UDP "
                + daemon.sntpAddress().getPort() + ", health at http://" + daemon.adminAddress().getHostString() + ":"
                + daemon.adminAddress().getPort() + "/health; Ctrl-C stops it");
        spec.commandLine().getOut().flush();
        daemon.terminated().join();
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"murmur bootstrap " + MurmurVersion.get()};
        }
    }
}
