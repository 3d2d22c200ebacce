package murmur.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code murmur network up|status|down} with real node processes, and a node killed with SIGKILL brought back. */
class NetworkCliIT {

    @Test
    void upStatusKillUpAndDown(@TempDir Path dir) throws Exception {
        String folder = dir.toString();
        try {
            Run up = run("up", "--nodes", "2", "--dir", folder);
            assertThat(up.exit).as(up.out).isZero();
            assertThat(up.out).contains("node-0 started", "node-1 started");

            Run status = run("status", "--dir", folder);
            assertThat(status.out).contains("node-0 pid", "node-1 pid").doesNotContain("down");
            String idBefore = nodeId(status.out, "node-1");

            long pid = Long.parseLong(Files.readString(dir.resolve("node-1").resolve("pid")).trim());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());

            Run again = run("up", "--dir", folder);
            assertThat(again.exit).as(again.out).isZero();
            assertThat(again.out).contains("node-1 started").doesNotContain("node-0 started");
            assertThat(nodeId(run("status", "--dir", folder).out, "node-1")).as("same identity after kill -9")
                    .isEqualTo(idBefore);
        } finally {
            Run down = run("down", "--dir", folder);
            assertThat(down.out).contains("node-0 stopped", "node-1 stopped");
        }
    }

    private static String nodeId(String status, String node) {
        String line = status.lines().filter(l -> l.startsWith(node + " ")).findFirst().orElseThrow();
        int at = line.indexOf("\"nodeId\":\"") + 10;
        return line.substring(at, line.indexOf('"', at));
    }

    private static Run run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new NetworkCli());
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute(args);
        return new Run(exit, text.toString());
    }

    private record Run(int exit, String out) {}
}
