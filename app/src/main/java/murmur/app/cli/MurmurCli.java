package murmur.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import murmur.app.shell.DesktopClient;
import murmur.config.MurmurSettings;
import murmur.config.MurmurVersion;
import murmur.config.SettingsException;
import murmur.config.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code murmur} command. Global options {@code --config} and {@code --set} may appear before or after the
 * subcommand; settings are loaded once, before any subcommand runs, and subcommands read them with
 * {@link #settings()}.
 */
@Command(name = "murmur", mixinStandardHelpOptions = true, versionProvider = MurmurCli.Version.class,
        description = "Murmur: a decentralized social timeline for the desktop.",
        subcommands = {DemoCommand.class, AppCommand.class, BootstrapCommand.class, NetworkCommand.class},
        footer = {"", "Settings: built-in defaults < <data>/settings.yaml (murmur app) < --config <file>"
                + " < --set key=value."})
public final class MurmurCli implements Callable<Integer> {

    /** The exit code for a command line that makes no sense. */
    public static final int EXIT_USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(MurmurCli.class);

    @Option(names = "--config", paramLabel = "<file>", scope = ScopeType.INHERIT,
            description = "YAML settings file; its keys override the defaults")
    private Path config;

    @Option(names = "--set", paramLabel = "key=value", scope = ScopeType.INHERIT,
            description = "override one setting, e.g. dht.k=16 (repeatable; lists are comma-separated)")
    private List<String> overrides = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private MurmurSettings settings;
    private Map<String, String> environment = System.getenv();

    public static void main(String[] args) {
        if (opensWindow(args, System.getenv(), System.getProperty("os.name"))) {
            // JavaFX gets ready while picocli reads its commands (about 0.25 s: its classes are too old for the
            // start-up cache) and the app reads its settings; AppCommand would otherwise start it only then.
            DesktopClient.prestart(List.of(args).contains("--dark"));
        }
        System.exit(commandLine(new MurmurCli()).execute(args));
    }

    /** Whether {@code args} start the desktop app on a display, rather than ask for help or the version. */
    static boolean opensWindow(String[] args, Map<String, String> env, String osName) {
        List<String> all = List.of(args);
        return !all.isEmpty() && all.get(0).equals("app") && DesktopClient.missingDisplay(env, osName).isEmpty()
                && all.stream().noneMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version")
                        || a.equals("-V"));
    }

    /**
     * A command line for {@code cli} that loads settings before running the chosen subcommand, with the
     * {@link ExtraCommands} found on the class path (benchmarks and simulators, which the product does not ship).
     */
    public static CommandLine commandLine(MurmurCli cli) {
        CommandLine cmd = new CommandLine(cli);
        for (ExtraCommands extra : ServiceLoader.load(ExtraCommands.class)) {
            extra.commands().forEach(cmd::addSubcommand);
        }
        cmd.setExecutionStrategy(cli::execute);
        return cmd;
    }

    private int execute(ParseResult parsed) {
        Integer helpExit = CommandLine.executeHelpRequest(parsed);
        if (helpExit != null) {
            return helpExit;
        }
        try {
            settings = SettingsLoader.load(Optional.ofNullable(config), overrides);
        } catch (SettingsException e) {
            spec.commandLine().getErr().println("murmur: " + e.getMessage());
            return EXIT_USAGE;
        }
        LOG.debug("settings: {}", settings);
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The loaded settings; available while a subcommand runs. */
    public MurmurSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("settings are loaded only when a command runs");
        }
        return settings;
    }

    /**
     * The settings again with {@code defaults} applied under the user's own: a command's preferences that the user's
     * {@code --config} and {@code --set} still override.
     */
    MurmurSettings settingsWith(List<String> defaults) {
        return settingsWith(defaults, Optional.empty());
    }

    /**
     * As {@link #settingsWith(List)}, with the app's own settings file ({@code <data>/settings.yaml}) under the
     * user's {@code --config} file: what the command line names wins over what the app saved.
     */
    MurmurSettings settingsWith(List<String> defaults, Optional<Path> saved) {
        List<String> all = new ArrayList<>(defaults);
        all.addAll(overrides);
        List<Path> files = new ArrayList<>();
        saved.ifPresent(files::add);
        if (config != null) {
            files.add(config);
        }
        return SettingsLoader.load(files, all);
    }

    /** The global {@code --config} and {@code --set}, then {@code rest}: for commands with a parser of their own. */
    List<String> globalArgs(List<String> rest) {
        List<String> all = new ArrayList<>();
        if (config != null) {
            all.addAll(List.of("--config", config.toString()));
        }
        overrides.forEach(o -> all.addAll(List.of("--set", o)));
        all.addAll(rest);
        return all;
    }

    /** The process environment; tests replace it. */
    Map<String, String> environment() {
        return environment;
    }

    void environment(Map<String, String> env) {
        environment = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("murmur: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"murmur " + MurmurVersion.get()};
        }
    }
}
