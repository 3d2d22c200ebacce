package murmur.bootstrap.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Child JVMs on this test's class path, each with its stderr kept in a log folder for a post-mortem; {@link
 * #close()} kills whatever is still running.
 */
public final class ChildProcesses implements AutoCloseable {
    /** Small, quick-starting JVMs: many of them run at once on two cores. */
    public static final List<String> SMALL_JVM = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");

    private final Path logs;
    private final List<String> jvmOptions;
    private final List<Process> processes = new ArrayList<>();
    private final Set<String> started = new HashSet<>();

    public ChildProcesses(Path logs, List<String> jvmOptions) {
        this.logs = logs;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The command line that runs {@code main} with {@code args} in a JVM like this one's. */
    public List<String> java(String main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts {@code cmd}; its stderr goes to {@code <logs>/<name>.log}, after the log of an earlier process of that
     * name started here (a restart), so one file tells a host's whole story.
     */
    public Process start(String name, List<String> cmd) throws IOException {
        Files.createDirectories(logs);
        File log = logs.resolve(name + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectError(started.add(name) ? ProcessBuilder.Redirect.to(log)
                : ProcessBuilder.Redirect.appendTo(log)).start();
        processes.add(p);
        return p;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
