package murmur.tools.cli;

import java.util.List;
import murmur.app.cli.ExtraCommands;

/** {@code murmur bench} and {@code murmur sim}, added to the murmur command line when this jar is on the class path. */
public final class ToolCommands implements ExtraCommands {
    @Override
    public List<Object> commands() {
        return List.of(new BenchCommand(), new SimCommand());
    }
}
