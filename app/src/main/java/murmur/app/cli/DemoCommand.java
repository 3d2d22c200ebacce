package murmur.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code murmur demo}: a local network of bootstrap node and peers with the client open on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Murmur on a local network: a bootstrap node, a few peers and the client.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("murmur demo: " + ClientStatus.NOT_BUILT);
        return 0;
    }
}
