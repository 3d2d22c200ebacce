package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptPortsTest {
    @TempDir
    Path dir;

    @Test
    void portsSurviveARestart() {
        KeptPorts.in(dir).put("dhtPort", 41000);

        KeptPorts again = KeptPorts.in(dir);

        assertThat(again.get("dhtPort")).isEqualTo(41000);
        assertThat(again.choose("dhtPort", 0)).isEqualTo(41000);
        assertThat(again.choose("dhtPort", 4200)).as("a configured port wins").isEqualTo(4200);
        assertThat(again.choose("peerPort", 0)).as("nothing kept: any port").isZero();
    }

    @Test
    void aDamagedFileMeansNothingKept() throws Exception {
        Files.writeString(dir.resolve(KeptPorts.FILE), "dhtPort=abc\npeerPort=99999\n\\u12");

        KeptPorts kept = KeptPorts.in(dir);

        assertThat(kept.get("dhtPort")).isZero();
        assertThat(kept.get("peerPort")).isZero();
        kept.put("peerPort", 41001);
        assertThat(KeptPorts.in(dir).get("peerPort")).isEqualTo(41001);
    }
}
