package murmur.bootstrap.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Bootstrap nodes as background processes of their own: start, find, stop, and ask for their health. */
final class NodeProcesses {
    private static final String MAIN = BootstrapCli.class.getName();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private NodeProcesses() {
    }

    /** Starts the node in a session of its own (it outlives this command), output to {@code console.log}. */
    static ProcessHandle start(NetworkLayout.Node node, List<String> peers) throws IOException {
        Files.createDirectories(node.dataDir());
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv().getOrDefault("MURMUR_JAVA_OPTS", "-XX:+UseZGC -Xmx256m");
        for (String o : opts.trim().split("\\s+")) {
            if (!o.isEmpty()) {
                cmd.add(o);
            }
        }
        // The class path goes in the environment: on the command line it can pass the 4 KiB the kernel shows of a
        // process's arguments, and then the main class cannot be seen there to recognise the node.
        cmd.addAll(List.of(MAIN, "--host", "127.0.0.1",
                "--port", Integer.toString(node.dhtPort()), "--data", node.dataDir().toString(),
                "--sntp-port", Integer.toString(node.sntpPort()), "--admin-port", Integer.toString(node.adminPort())));
        for (String peer : peers) {
            cmd.addAll(List.of("--peer", peer));
        }
        File log = node.dataDir().resolve("console.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process p = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).redirectErrorStream(true).start();
        Files.writeString(node.pidFile(), Long.toString(p.pid()));
        return p.toHandle();
    }

    /** The node's process, if its pid file names a live bootstrap node (not a recycled pid). */
    static Optional<ProcessHandle> running(NetworkLayout.Node node) {
        try {
            long pid = Long.parseLong(Files.readString(node.pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(MAIN)).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, then up to {@code grace} for a clean exit, then SIGKILL. True if it stopped cleanly. */
    static boolean stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception timedOut) {
            process.destroyForcibly();
            return false;
        }
    }

    /** The body of {@code GET /health}, if the node answers. */
    static Optional<String> health(NetworkLayout.Node node) {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body().trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
