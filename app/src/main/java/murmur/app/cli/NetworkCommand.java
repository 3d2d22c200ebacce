package murmur.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import murmur.bootstrap.cli.NetworkCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code murmur network up|down|status}: a local network of bootstrap nodes, run by {@link NetworkCli}. */
@Command(name = "network",
        description = "Start, stop and inspect a local network of bootstrap nodes (murmur network --help).")
final class NetworkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return BootstrapCommand.runOwn(spec, new NetworkCli(), args);
    }
}
