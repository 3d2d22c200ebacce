package murmur.timeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import murmur.config.SettingsLoader;
import murmur.config.TimelineSettings;
import org.junit.jupiter.api.Test;

/**
 * The desktop app's shipped JVM options ({@code scripts/jvm/app.options}, read by {@code ./murmur app} and carried
 * by the installed package) leave room for what signing in costs: Argon2id with the default 256 MiB runs in a JVM
 * started with exactly those options. (A 256 MiB heap cap once made every registration and sign-in fail with
 * OutOfMemoryError, which no test in a roomy test JVM could see.) Afterwards the JVM gives those 256 MiB back.
 */
class ShippedHeapIT {

    @Test
    void anAccountWithTheDefaultKeyDerivationSealsAndOpensUnderTheAppsShippedOptions() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(shippedOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SealAndOpen.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ended within 2 minutes").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("sealed and opened with 262144 KiB");
        assertThat(child.exitValue()).as(output).isZero();
        // And the 256 MiB go back: the heap the JVM holds afterwards is a fraction of what Argon2id used.
        long heldMib = Long.parseLong(output.replaceAll("(?s).*heap held afterwards (\\d+) MiB.*", "$1"));
        assertThat(heldMib).as(output).isLessThan(96);
    }

    /** The options of {@code scripts/jvm/app.options}: one per line, '#' starts a comment. */
    static List<String> shippedOptions() throws IOException {
        Path file = Path.of("..", "scripts", "jvm", "app.options");
        List<String> options = Files.readAllLines(file).stream()
                .map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
        assertThat(options).as("options in " + file.toAbsolutePath()).anyMatch(o -> o.startsWith("-Xmx"));
        return options;
    }

    /** Run in the child JVM: seals a key with the default parameters and opens it again, as register and sign-in. */
    static final class SealAndOpen {
        public static void main(String[] args) {
            TimelineSettings defaults = SettingsLoader.defaults().timeline();
            KdfParams params = new KdfParams(defaults.kdfMemoryKib(), defaults.kdfIterations(),
                    defaults.kdfParallelism());
            byte[] publicKey = new byte[32];
            byte[] privateKey = new byte[32];
            UserRecordValue record = KeyVault.seal("ada", publicKey, privateKey, "correct horse battery staple",
                    params, 0, new SecureRandom());
            boolean opened = KeyVault.open("ada", record, "correct horse battery staple").isPresent();
            System.out.println((opened ? "sealed and opened with " : "sealed, not opened, with ")
                    + params.memoryKib() + " KiB, heap at most " + Runtime.getRuntime().maxMemory() / 1_048_576
                    + " MiB, heap held afterwards " + Runtime.getRuntime().totalMemory() / 1_048_576 + " MiB");
        }

        private SealAndOpen() {}
    }
}
