package murmur.tools.cli;

import java.util.concurrent.Callable;
import murmur.app.cli.MurmurCli;
import murmur.config.MurmurSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code murmur bench}: benchmarks, one subcommand each, that print a JSON summary line. Add a benchmark by listing
 * its command class in {@code subcommands}; it reaches the settings through {@code @ParentCommand BenchCommand}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each prints a JSON summary line.",
        subcommands = {DhtBenchCommand.class, FanoutBenchCommand.class, LoginBenchCommand.class})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private MurmurCli root;

    @Spec
    private CommandSpec spec;

    /** The settings loaded from defaults, --config and --set. */
    MurmurSettings settings() {
        return root.settings();
    }

    @Override
    public Integer call() {
        return Subcommands.missing(spec, "benchmarks");
    }
}
