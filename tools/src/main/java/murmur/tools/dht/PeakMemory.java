package murmur.tools.dht;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The most memory this process has held so far, for the benchmarks' and simulators' JSON lines. */
public final class PeakMemory {

    private PeakMemory() {}

    /** Peak resident memory in MiB: VmHWM of {@code /proc/self/status}; -1 where there is none (not Linux). */
    public static long rssMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
        } catch (IOException | UncheckedIOException | NumberFormatException notLinux) {
            return -1;
        }
    }
}
