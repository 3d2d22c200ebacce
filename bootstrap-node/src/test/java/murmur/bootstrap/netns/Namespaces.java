package murmur.bootstrap.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hosts on a private Ethernet: a hub namespace holds a bridge, and each host namespace has a veth pair with one end
 * on the bridge and the address {@code 10.77.0.<n>/24} on the other. {@link #close()} removes every namespace.
 */
final class Namespaces implements AutoCloseable {
    static final String PREFIX = "mmit-";
    private static final String HUB = PREFIX + "hub";
    private final List<String> created = new ArrayList<>();

    /** True when this machine lets us create namespaces and veth pairs (root, iproute2). */
    static boolean supported() {
        try {
            boolean ok = run(false, "ip", "netns", "add", PREFIX + "probe");
            run(false, "ip", "netns", "del", PREFIX + "probe");
            return ok;
        } catch (IOException e) {
            return false;
        }
    }

    Namespaces() throws IOException {
        removeLeftovers();
        add(HUB);
        ip(HUB, "link", "add", "br0", "type", "bridge");
        ip(HUB, "link", "set", "br0", "up");
    }

    /** A host namespace {@code name} at {@code 10.77.0.<n>}; returns its address. */
    String host(String name, int n) throws IOException {
        String ns = PREFIX + name;
        add(ns);
        String hubEnd = "v-" + name;
        run(true, "ip", "link", "add", hubEnd, "netns", HUB, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip(HUB, "link", "set", hubEnd, "master", "br0");
        ip(HUB, "link", "set", hubEnd, "up");
        ip(ns, "addr", "add", "10.77.0." + n + "/24", "dev", "eth0");
        ip(ns, "link", "set", "eth0", "up");
        ip(ns, "link", "set", "lo", "up");
        return "10.77.0." + n;
    }

    void cut(String name) throws IOException {
        ip(HUB, "link", "set", "v-" + name, "down");
    }

    void restore(String name) throws IOException {
        ip(HUB, "link", "set", "v-" + name, "up");
    }

    /** The command line that runs {@code command} inside host {@code name}. */
    List<String> exec(String name, List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", PREFIX + name));
        all.addAll(command);
        return all;
    }

    @Override
    public void close() throws IOException {
        for (String ns : created) {
            run(false, "ip", "netns", "del", ns);
        }
    }

    private void add(String ns) throws IOException {
        run(true, "ip", "netns", "add", ns);
        created.add(ns);
    }

    private static void ip(String ns, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        run(true, cmd.toArray(String[]::new));
    }

    private static void removeLeftovers() throws IOException {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line : out.split("\n")) {
            String ns = line.split(" ")[0];
            if (ns.startsWith(PREFIX)) {
                run(false, "ip", "netns", "del", ns);
            }
        }
    }

    private static boolean run(boolean required, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
        if (required && p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
        return p.exitValue() == 0;
    }
}
