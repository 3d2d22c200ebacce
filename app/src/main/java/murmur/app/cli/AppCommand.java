package murmur.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code murmur app}: the desktop client. */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Start the Murmur desktop client.")
final class AppCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("murmur app: " + ClientStatus.NOT_BUILT);
        return 0;
    }
}
