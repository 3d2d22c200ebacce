package murmur.bootstrap.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import murmur.bootstrap.testing.Commands;

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
        return Commands.inNamespace(PREFIX + name, command);
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
        String out = Commands.output("ip", "netns", "list");
        for (String line : out.split("\n")) {
            String ns = line.split(" ")[0];
            if (ns.startsWith(PREFIX)) {
                run(false, "ip", "netns", "del", ns);
            }
        }
    }

    private static boolean run(boolean required, String... cmd) throws IOException {
        return Commands.run(required, cmd);
    }
}
