package murmur.tools.cli;

import murmur.app.cli.MurmurCli;
import picocli.CommandLine.Model.CommandSpec;

/** What a command group such as {@code bench} does when run without one of its subcommands. */
final class Subcommands {

    private Subcommands() {}

    static int missing(CommandSpec spec, String what) {
        var err = spec.commandLine().getErr();
        if (spec.subcommands().isEmpty()) {
            spec.commandLine().getOut().println("murmur " + spec.name() + ": no " + what
                    + " are available yet; they arrive with the DHT (" + spec.name() + " dht).");
            return 0;
        }
        err.println("murmur " + spec.name() + ": choose one of " + String.join(", ", spec.subcommands().keySet()));
        spec.commandLine().usage(err);
        return MurmurCli.EXIT_USAGE;
    }
}
