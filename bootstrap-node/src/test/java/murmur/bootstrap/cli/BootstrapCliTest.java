package murmur.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import murmur.config.MurmurSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BootstrapCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final BootstrapCli cli = new BootstrapCli();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void flagsBeatSetWhichBeatsTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("b.yaml"), "bootstrap:\n  port: 5000\n  host: 10.0.0.1\n");
        new CommandLine(cli).parseArgs("--config", file.toString(), "--set", "bootstrap.port=5001",
                "--set", "bootstrap.seeds=x:1", "--port", "5002", "--data-dir", "/srv/murmur",
                "--seed", "a.example:4100", "--seed", "[::1]:4101");

        MurmurSettings s = cli.loadSettings();

        assertThat(s.bootstrap().port()).isEqualTo(5002);
        assertThat(s.bootstrap().host()).isEqualTo("10.0.0.1");
        assertThat(s.bootstrap().dataDir()).isEqualTo(Path.of("/srv/murmur"));
        assertThat(s.bootstrap().seeds()).containsExactly("a.example:4100", "[::1]:4101");
    }

    @Test
    void withoutFlagsTheSettingsDecide() {
        new CommandLine(cli).parseArgs("--set", "bootstrap.seeds=x:1,y:2", "--set", "dht.k=8");

        MurmurSettings s = cli.loadSettings();

        assertThat(s.bootstrap().seeds()).containsExactly("x:1", "y:2");
        assertThat(s.bootstrap().port()).isEqualTo(4100);
        assertThat(s.dht().k()).isEqualTo(8);
    }

    @Test
    void badFlagValuesNameTheSetting() {
        assertThat(run("--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("setting 'bootstrap.port' from command line: must be between 0 and 65535");

    }

    @Test
    void badSeedNamesTheListEntry() {
        assertThat(run("--seed", "nowhere")).isEqualTo(2);
        assertThat(err.toString()).contains("setting 'bootstrap.seeds[0]' from command line: expected host:port");
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--config", "--set", "--port", "--data-dir", "--seed", "--host");
    }
}
