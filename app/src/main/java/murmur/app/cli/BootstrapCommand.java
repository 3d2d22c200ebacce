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
        CommandLine daemon = new CommandLine(new BootstrapCli());
        daemon.setOut(spec.commandLine().getOut());
        daemon.setErr(spec.commandLine().getErr());
        return daemon.execute(root.globalArgs(args).toArray(String[]::new));
    }
}
