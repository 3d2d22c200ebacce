package murmur.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheShippedFile() {
        MurmurSettings s = SettingsLoader.load(Optional.empty(), List.of(), "/home/ann");

        assertThat(s.dht().k()).isEqualTo(20);
        assertThat(s.dht().alpha()).isEqualTo(3);
        assertThat(s.dht().requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.dht().stallFloor()).isEqualTo(Duration.ofMillis(25));
        assertThat(s.dht().maxTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(s.dht().maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.bootstrap().host()).isEqualTo("0.0.0.0");
        assertThat(s.bootstrap().port()).isEqualTo(4100);
        assertThat(s.bootstrap().dataDir()).isEqualTo(Path.of("/home/ann/.murmur/bootstrap"));
        assertThat(s.bootstrap().seeds()).isEmpty();
        assertThat(s.bootstrap().sntpPort()).isEqualTo(4123);
        assertThat(s.bootstrap().adminHost()).isEqualTo("127.0.0.1");
        assertThat(s.bootstrap().adminPort()).isEqualTo(4180);
        assertThat(s.app().dataDir()).isEqualTo(Path.of("/home/ann/.murmur/app"));
        assertThat(s.app().seedEndpoints()).as("a fresh install knows no network").isEmpty();
    }

    @Test
    void publicDefaultsUseTheUserHome() {
        assertThat(SettingsLoader.defaults().bootstrap().dataDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".murmur", "bootstrap"));
    }

    @Test
    void userFileMergesKeyByKey() throws IOException {
        Path file = write("dht:\n  k: 16\n  requestTimeout: PT1.5S\nbootstrap:\n  seeds: [\"a.example:4100\"]\n");

        MurmurSettings s = SettingsLoader.load(Optional.of(file), List.of());

        assertThat(s.dht().k()).isEqualTo(16);
        assertThat(s.dht().requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.dht().alpha()).isEqualTo(3);
        assertThat(s.bootstrap().seeds()).containsExactly("a.example:4100");
        assertThat(s.bootstrap().port()).isEqualTo(4100);
    }

    @Test
    void commandLineBeatsFileAndLaterOverridesWin() throws IOException {
        Path file = write("dht:\n  k: 16\n  alpha: 2\n");

        MurmurSettings s = SettingsLoader.load(Optional.of(file), List.of("dht.k=12", "dht.k=10", "dht.stallFloor=1s"));

        assertThat(s.dht().k()).isEqualTo(10);
        assertThat(s.dht().alpha()).isEqualTo(2);
        assertThat(s.dht().stallFloor()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void laterFilesWinAndTheCommandLineBeatsThemAll() throws IOException {
        Path first = write("dht:\n  k: 16\n  alpha: 2\napp:\n  bootstrapSeeds: [\"a.example:4100\"]\n");
        Path second = write("dht:\n  k: 12\n");

        MurmurSettings s = SettingsLoader.load(List.of(first, second), List.of("dht.alpha=4"));

        assertThat(s.dht().k()).isEqualTo(12);
        assertThat(s.dht().alpha()).isEqualTo(4);
        assertThat(s.app().bootstrapSeeds()).containsExactly("a.example:4100");
        assertThat(SettingsLoader.load(List.of(), List.of())).isEqualTo(SettingsLoader.defaults());
    }

    @Test
    void overridesParseListsTextAndPaths() {
        MurmurSettings s = SettingsLoader.load(Optional.empty(), List.of(
                "bootstrap.seeds=a:1, [::1]:2", "bootstrap.host=127.0.0.1", "app.dataDir=~/elsewhere",
                "app.bootstrapSeeds="), "/home/bo");

        assertThat(s.bootstrap().seedEndpoints()).containsExactly(new HostPort("a", 1), new HostPort("::1", 2));
        assertThat(s.bootstrap().host()).isEqualTo("127.0.0.1");
        assertThat(s.app().dataDir()).isEqualTo(Path.of("/home/bo/elsewhere"));
        assertThat(s.app().bootstrapSeeds()).isEmpty();
    }

    @Test
    void emptySectionsAndEmptyFilesChangeNothing() throws IOException {
        assertThat(SettingsLoader.load(Optional.of(write("")), List.of())).isEqualTo(SettingsLoader.defaults());
        assertThat(SettingsLoader.load(Optional.of(write("dht:\n# k: 3\n")), List.of()))
                .isEqualTo(SettingsLoader.defaults());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "murmur", ".yaml"), yaml);
    }
}
