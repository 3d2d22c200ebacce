package murmur.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code murmur bootstrap}, listed here so help shows it. The {@code ./murmur} launcher runs the bootstrap-node
 * module's own entry point for it; this class only answers when the client's entry point is started by hand.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = "Run a bootstrap node: a headless DHT daemon (./murmur bootstrap --help).")
final class BootstrapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(
                "murmur: the bootstrap node is its own program; start it with ./murmur bootstrap [options]");
        return MurmurCli.EXIT_USAGE;
    }
}
