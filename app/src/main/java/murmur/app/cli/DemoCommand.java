package murmur.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code murmur demo}: a local network of bootstrap node and peers with the client open on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Murmur on a local network: a bootstrap node, a few peers and the client.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private MurmurCli root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("murmur demo: a local DHT on 127.0.0.1 (the desktop client is not built yet)");
        new DemoNetwork(root.settings().dht(), out).run(6);
        out.println(ClientStatus.NOT_BUILT);
        return 0;
    }
}
