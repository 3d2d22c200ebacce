package murmur.tools.cli;

import java.util.concurrent.Callable;
import murmur.app.cli.MurmurCli;
import murmur.config.MurmurSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code murmur sim}: in-memory simulations of large networks. Add one by listing its command class in
 * {@code subcommands}; it reaches the settings through {@code @ParentCommand SimCommand}.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Simulate a large network in one process.",
        subcommands = {DhtSimCommand.class})
final class SimCommand implements Callable<Integer> {

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
        return Subcommands.missing(spec, "simulations");
    }
}
