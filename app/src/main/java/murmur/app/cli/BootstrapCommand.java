package murmur.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import murmur.bootstrap.cli.BootstrapCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code murmur bootstrap}: the bootstrap-node daemon, run by its own command line ({@link BootstrapCli}) with
 * every argument, {@code --help} included; the global {@code --config} and {@code --set} are passed on to it.
 */
@Command(name = "bootstrap", description = "Run a bootstrap node: a headless DHT daemon (murmur bootstrap --help).")
final class BootstrapCommand implements Callable<Integer> {

    @ParentCommand
    private MurmurCli root;

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return runOwn(spec, new BootstrapCli(), root.globalArgs(args));
    }

    /** Runs {@code command} on its own command line with {@code args}, printing where this command prints. */
    static int runOwn(CommandSpec spec, Object command, List<String> args) {
        CommandLine own = new CommandLine(command);
        own.setOut(spec.commandLine().getOut());
        own.setErr(spec.commandLine().getErr());
        return own.execute(args.toArray(String[]::new));
    }
}
