package murmur.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownKeyInFileNamesKeyAndFile() throws IOException {
        Path file = write("dht:\n  kk: 3\n");
        fromFile(file).hasMessageContaining("'dht.kk'").hasMessageContaining(file.toString())
                .hasMessageContaining("unknown key").hasMessageContaining("alpha, contactFreshFor, k,");
    }

    @Test
    void unknownKeyOnCommandLineSuggestsTheSpelling() {
        fromOverrides("dht.request-timeout=2s").hasMessageContaining("'dht.request-timeout' from command line")
                .hasMessageContaining("did you mean 'requestTimeout'?");
        fromOverrides("nope.k=1").hasMessageContaining("'nope' from command line: unknown key");
    }

    @Test
    void wrongTypesNameKeySourceAndExpectation() throws IOException {
        fromOverrides("dht.k=many")
                .hasMessage("setting 'dht.k' from command line: expected a whole number, got 'many'");
        fromOverrides("dht.k=2.5").hasMessageContaining("'dht.k' from command line: expected a whole number");
        fromOverrides("dht.maxTtl=soon")
                .hasMessageContaining("'dht.maxTtl' from command line: expected a duration such as 500ms");
        Path file = write("bootstrap:\n  port: \"4100\"\n");
        fromFile(file).hasMessage("setting 'bootstrap.port' from " + file + ": expected a whole number, got '4100'");
        Path numberForDuration = write("dht:\n  refreshInterval: 60\n");
        fromFile(numberForDuration).hasMessageContaining("'dht.refreshInterval' from " + numberForDuration)
                .hasMessageContaining("expected a duration");
        Path scalarForSection = write("dht: 5\n");
        fromFile(scalarForSection).hasMessageContaining("'dht' from " + scalarForSection)
                .hasMessageContaining("expected a section");
        Path scalarForList = write("bootstrap:\n  seeds: a:1\n");
        fromFile(scalarForList).hasMessageContaining("'bootstrap.seeds' from " + scalarForList)
                .hasMessageContaining("expected a list");
    }

    @Test
    void outOfRangeNamesKeyAndSource() throws IOException {
        fromOverrides("dht.k=0").hasMessage("setting 'dht.k' from command line: must be between 1 and 256, got 0");
        fromOverrides("dht.alpha=21").hasMessageContaining("'dht.alpha' from command line: must not exceed dht.k (20)");
        fromOverrides("dht.udpMaxPayload=100").hasMessageContaining("'dht.udpMaxPayload'")
                .hasMessageContaining("between 512 and 65000");
        fromOverrides("dht.maxMessageBytes=600").hasMessageContaining("'dht.maxMessageBytes'");
        fromOverrides("dht.requestTimeout=0s").hasMessageContaining("'dht.requestTimeout' from command line")
                .hasMessageContaining("positive");
        fromOverrides("bootstrap.port=70000").hasMessageContaining("'bootstrap.port' from command line");
        Path file = write("bootstrap:\n  seeds: [\"a:1\", \"nocolon\"]\n");
        fromFile(file).hasMessageContaining("'bootstrap.seeds[1]' from " + file)
                .hasMessageContaining("expected host:port");
    }

    @Test
    void defaultsAreNamedWhenACrossKeyRuleFailsOnThem() {
        fromOverrides("dht.k=2").hasMessageContaining("'dht.alpha' from defaults: must not exceed dht.k (2)");
    }

    @Test
    void badFilesAndBadOverrideSyntax() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        fromFile(missing).hasMessageContaining("settings file not found").hasMessageContaining(missing.toString());
        Path broken = write("dht:\n  k: [1\n");
        fromFile(broken).hasMessageContaining("not valid YAML").hasMessageContaining(broken.toString());
        Path duplicate = write("dht:\n  k: 1\n  k: 2\n");
        fromFile(duplicate).hasMessageContaining("Duplicate field 'k'");
        fromOverrides("dht.k").hasMessageContaining("expected key.path=value, got 'dht.k'");
        fromOverrides("dht=3").hasMessageContaining("'dht' from command line: is a section");
        fromOverrides("dht.k.x=3").hasMessageContaining("'dht.k' from command line: is a value, not a section");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> fromOverrides(String... overrides) {
        return assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of(overrides)))
                .isInstanceOf(SettingsException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> fromFile(Path file) {
        return assertThatThrownBy(() -> SettingsLoader.load(Optional.of(file), List.of()))
                .isInstanceOf(SettingsException.class);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "murmur", ".yaml"), yaml);
    }
}
