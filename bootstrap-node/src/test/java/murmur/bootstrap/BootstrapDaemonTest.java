package murmur.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapDaemonTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private BootstrapDaemon daemon(Path dataDir, String... more) {
        List<String> overrides = new ArrayList<>(List.of("bootstrap.dataDir=" + dataDir, "bootstrap.port=0",
                "bootstrap.host=127.0.0.1", "bootstrap.sntpPort=0", "bootstrap.adminPort=0"));
        overrides.addAll(List.of(more));
        MurmurSettings s = SettingsLoader.load(Optional.empty(), overrides);
        return new BootstrapDaemon(s, CLOCK);
    }

    @Test
    void aSecondNodeJoinsThroughTheFirstAndARestartKeepsTheNodeId() throws IOException {
        BootstrapDaemon first = daemon(dir.resolve("first"));
        first.start().join();
        String seed = "127.0.0.1:" + first.address().getPort();
        BootstrapDaemon second = daemon(dir.resolve("second"), "bootstrap.seeds=" + seed);
        second.start().join();

        assertThat(Files.readString(second.statusFile())).contains("\"contacts\" : 1", second.nodeId().toHex());
        NodeId secondId = second.nodeId();
        second.stop().join();
        first.stop().join();

        BootstrapDaemon again = daemon(dir.resolve("second"));
        again.start().join();
        assertThat(again.nodeId()).isEqualTo(secondId);
        again.stop().join();
    }

    @Test
    void startsWritesStatusAndStops() throws IOException {
        BootstrapDaemon d = daemon(dir.resolve("a/b"));

        d.start().join();
        assertThat(d.state()).isEqualTo(BootstrapDaemon.State.RUNNING);
        assertThat(Files.readString(d.statusFile())).contains("\"state\" : \"RUNNING\"", "2025-01-02T03:04:05Z");

        d.stop().join();
        assertThat(d.state()).isEqualTo(BootstrapDaemon.State.STOPPED);
        assertThat(d.terminated()).isCompleted();
        assertThat(Files.readString(d.statusFile())).contains("\"state\" : \"STOPPED\"");
    }

    @Test
    void startAndStopAreIdempotentAndStopIsFinal() {
        BootstrapDaemon d = daemon(dir);
        assertThat(d.start()).isSameAs(d.start());
        assertThat(d.stop()).isSameAs(d.stop());
        d.terminated().join();
        assertThatThrownBy(() -> d.start().join()).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopBeforeStartTerminates() {
        BootstrapDaemon d = daemon(dir.resolve("never"));
        d.stop().join();
        assertThat(d.state()).isEqualTo(BootstrapDaemon.State.STOPPED);
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void unusableDataDirFailsTheStart() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        BootstrapDaemon d = daemon(file);

        assertThatThrownBy(() -> d.start().join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("cannot create data directory");
        assertThat(d.state()).isEqualTo(BootstrapDaemon.State.FAILED);
        d.stop().join();
        assertThat(d.terminated()).isCompleted();
    }
}
