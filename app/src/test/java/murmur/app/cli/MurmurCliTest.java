package murmur.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import murmur.config.MurmurSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MurmurCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final MurmurCli cli = new MurmurCli();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cmd = MurmurCli.commandLine(cli);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: murmur", "--config", "--set")
                .containsPattern("(?m)^\\s+demo\\s").containsPattern("(?m)^\\s+app\\s")
                .containsPattern("(?m)^\\s+bootstrap\\s").containsPattern("(?m)^\\s+network\\s");
        assertThat(out.toString()).as("benchmarks and simulators are tools, not part of the product")
                .doesNotContainPattern("(?m)^\\s+bench\\s");
    }

    @Test
    void bootstrapAndNetworkRunFromTheSameCommandLine() {
        assertThat(run("bootstrap", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: murmur bootstrap", "--peer", "--sntp-port");

        assertThat(run("network", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: murmur network", "up", "down", "status");

        assertThat(run("--set", "dht.k=0", "bootstrap", "--port", "4100")).isEqualTo(2);
        assertThat(err.toString()).as("the global settings reach the daemon").contains("dht.k");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("murmur ").doesNotContain("unknown");
    }

    @Test
    void demoWithoutADisplaySaysSoAndFails() {
        cli.environment(Map.of());
        assertThat(run("demo")).isEqualTo(1);
        assertThat(err.toString()).contains("no display", "--no-gui");
        assertThat(run("app")).isEqualTo(1);
        assertThat(err.toString()).contains("murmur app: no display");
    }

    @Test
    void demoWithoutGuiRunsTheNetworkAndPrintsItsActivity() {
        assertThat(run("demo", "--no-gui", "--users", "3", "--post-every", "1", "--for", "2")).isZero();
        assertThat(out.toString()).contains("demo users ada, grace, linus follow each other",
                "ada registered and is online", "ada follows grace", "grace: ada followed you", "ada posted #1: ");
    }

    @Test
    void javaFxStartsAheadOnlyForTheAppOnADisplay() {
        Map<String, String> display = Map.of("DISPLAY", ":0");
        assertThat(MurmurCli.opensWindow(new String[] {"app", "--data", "d"}, display, "Linux")).isTrue();
        assertThat(MurmurCli.opensWindow(new String[] {"app", "--dark"}, display, "Linux")).isTrue();
        assertThat(MurmurCli.opensWindow(new String[] {"app"}, Map.of(), "Linux")).as("no display").isFalse();
        assertThat(MurmurCli.opensWindow(new String[] {"app", "--help"}, display, "Linux")).isFalse();
        assertThat(MurmurCli.opensWindow(new String[] {"app", "-V"}, display, "Linux")).isFalse();
        assertThat(MurmurCli.opensWindow(new String[] {"demo"}, display, "Linux")).isFalse();
        assertThat(MurmurCli.opensWindow(new String[] {}, display, "Linux")).isFalse();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--bogus", "demo")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void badSettingFailsBeforeTheCommandRunsWhereverTheOptionStands() {
        assertThat(run("--set", "dht.k=0", "demo")).isEqualTo(2);
        assertThat(err.toString()).contains("murmur: setting 'dht.k' from command line: must be between 1 and 256");
        assertThat(out.toString()).isEmpty();

        assertThat(run("demo", "--set", "dht.nope=1")).isEqualTo(2);
        assertThat(err.toString()).contains("setting 'dht.nope' from command line: unknown key");
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("absent.yaml");
        assertThat(run("--config", missing.toString(), "app")).isEqualTo(2);
        assertThat(err.toString()).contains("settings file not found", missing.toString());
    }

    @Test
    void theAppsSavedSettingsSitUnderConfigAndSet() throws IOException {
        Path saved = Files.writeString(dir.resolve("settings.yaml"),
                "dht:\n  k: 16\n  alpha: 2\n  maxTtl: 7d\napp:\n  bootstrapSeeds: [\"saved.example:4100\"]\n");
        Path config = Files.writeString(dir.resolve("team.yaml"), "dht:\n  k: 12\n  alpha: 5\n");
        MurmurCli.commandLine(cli).parseArgs("--config", config.toString(), "--set", "dht.alpha=4", "app");

        MurmurSettings s = cli.settingsWith(List.of(), Optional.of(saved));

        assertThat(s.app().bootstrapSeeds()).as("only the saved file names seeds").containsExactly(
                "saved.example:4100");
        assertThat(s.dht().maxTtl()).hasDays(7);
        assertThat(s.dht().k()).as("--config beats the saved file").isEqualTo(12);
        assertThat(s.dht().alpha()).as("--set beats both files").isEqualTo(4);
    }

    @Test
    void aBrokenSettingsFileInTheDataDirectoryIsNamed() throws IOException {
        cli.environment(Map.of("DISPLAY", ":99"));
        Path file = Files.writeString(dir.resolve("settings.yaml"), "app:\n  bootstrapSeeds: [\"a:1\"\n");

        assertThat(run("app", "--data", dir.toString())).isEqualTo(2);

        assertThat(err.toString()).startsWith("murmur app: not valid YAML at line").contains(file.toString());
    }

    @Test
    void noCommandShowsUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command", "Usage: murmur");
    }
}
