package murmur.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileReadsAsTheDefaults() {
        UserSettingsFile file = UserSettingsFile.in(dir.resolve("data"));

        assertThat(file.path()).isEqualTo(dir.resolve("data").resolve("settings.yaml"));
        assertThat(file.existing()).isEmpty();
        assertThat(file.read()).isEqualTo(SettingsLoader.defaults());
    }

    @Test
    void savedSeedsReadBackAndCreateTheDirectory() {
        UserSettingsFile file = UserSettingsFile.in(dir.resolve("new").resolve("data"));

        file.saveBootstrapSeeds(List.of(new HostPort("boot.example.org", 4100), new HostPort("::1", 4200)));

        assertThat(file.existing()).contains(file.path());
        assertThat(file.read().app().seedEndpoints())
                .containsExactly(new HostPort("boot.example.org", 4100), new HostPort("::1", 4200));
        assertThat(file.read().app().bootstrapSeeds()).containsExactly("boot.example.org:4100", "[::1]:4200");
        assertThat(leftovers()).as("no temporary file left beside it").isEmpty();
    }

    @Test
    void savingKeepsTheOtherKeysAndReplacesTheOldSeeds() throws IOException {
        Path path = Files.writeString(dir.resolve("settings.yaml"), """
                # my settings
                dht:
                  k: 16
                app:
                  dataDir: "~/elsewhere"
                  bootstrapSeeds: ["old.example:1"]
                timeline:
                  portMapping: false
                """);
        UserSettingsFile file = UserSettingsFile.at(path);

        file.saveBootstrapSeeds(List.of(new HostPort("new.example", 4100)));
        file.saveBootstrapSeeds(List.of(new HostPort("newer.example", 4101)));

        MurmurSettings s = file.read();
        assertThat(s.app().bootstrapSeeds()).containsExactly("newer.example:4101");
        assertThat(s.dht().k()).isEqualTo(16);
        assertThat(s.timeline().portMapping()).isFalse();
        assertThat(s.app().dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), "elsewhere"));
        String text = Files.readString(path);
        assertThat(text.indexOf("dht")).as("keys keep their order").isLessThan(text.indexOf("app"));
        assertThat(text.indexOf("app")).isLessThan(text.indexOf("timeline"));
    }

    @Test
    void anEmptyFileOrOneWithoutAnAppSectionGetsOne() throws IOException {
        UserSettingsFile empty = UserSettingsFile.at(Files.writeString(dir.resolve("empty.yaml"), ""));
        empty.saveBootstrapSeeds(List.of(new HostPort("a.example", 1)));
        assertThat(empty.read().app().bootstrapSeeds()).containsExactly("a.example:1");

        UserSettingsFile other = UserSettingsFile.at(Files.writeString(dir.resolve("other.yaml"), "dht:\n  k: 8\n"));
        other.saveBootstrapSeeds(List.of(new HostPort("b.example", 2)));
        assertThat(other.read().app().bootstrapSeeds()).containsExactly("b.example:2");
        assertThat(other.read().dht().k()).isEqualTo(8);
    }

    @Test
    void aBrokenFileIsNamedAndLeftAlone() throws IOException {
        String broken = "app:\n  bootstrapSeeds: [\"a:1\"\n  dataDir: x\n";
        Path path = Files.writeString(dir.resolve("settings.yaml"), broken);
        UserSettingsFile file = UserSettingsFile.at(path);

        assertThatThrownBy(file::read).isInstanceOf(SettingsException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("not valid YAML at line");
        assertThatThrownBy(() -> file.saveBootstrapSeeds(List.of(new HostPort("a.example", 1))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("not valid YAML")
                .hasMessageContaining("fix or remove the file");
        assertThat(Files.readString(path)).isEqualTo(broken);
    }

    @Test
    void aFileThatIsNoMapOrHasABadKeyIsNamed() throws IOException {
        UserSettingsFile list = UserSettingsFile.at(Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n"));
        assertThatThrownBy(() -> list.saveBootstrapSeeds(List.of(new HostPort("a.example", 1))))
                .isInstanceOf(SettingsException.class).hasMessageContaining(list.path().toString())
                .hasMessageContaining("expected a map of settings");
        UserSettingsFile scalarApp = UserSettingsFile.at(Files.writeString(dir.resolve("app.yaml"), "app: 5\n"));
        assertThatThrownBy(() -> scalarApp.saveBootstrapSeeds(List.of(new HostPort("a.example", 1))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'app' from " + scalarApp.path());

        UserSettingsFile unknown = UserSettingsFile.at(Files.writeString(dir.resolve("bad.yaml"),
                "app:\n  seeds: []\n"));
        assertThatThrownBy(unknown::read).isInstanceOf(SettingsException.class)
                .hasMessageContaining("'app.seeds' from " + unknown.path()).hasMessageContaining("unknown key");
        UserSettingsFile badSeed = UserSettingsFile.at(Files.writeString(dir.resolve("seed.yaml"),
                "app:\n  bootstrapSeeds: [\"no-port\"]\n"));
        assertThatThrownBy(badSeed::read).isInstanceOf(SettingsException.class)
                .hasMessageContaining("'app.bootstrapSeeds[0]' from " + badSeed.path());
    }

    @Test
    void aFileThatCannotBeWrittenSaysSo() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "");
        UserSettingsFile file = UserSettingsFile.in(blocker);

        assertThatThrownBy(() -> file.saveBootstrapSeeds(List.of(new HostPort("a.example", 1))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("cannot save settings")
                .hasMessageContaining(file.path().toString());
    }

    @Test
    void aSymbolicLinkStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.yaml"), "dht:\n  k: 8\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path link = Files.createSymbolicLink(data.resolve("settings.yaml"), real);

        UserSettingsFile.in(data).saveBootstrapSeeds(List.of(new HostPort("a.example", 1)));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(UserSettingsFile.at(real).read().app().bootstrapSeeds()).containsExactly("a.example:1");
        assertThat(UserSettingsFile.at(real).read().dht().k()).isEqualTo(8);
    }

    private List<Path> leftovers() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
