package murmur.app.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import murmur.bootstrap.testing.Commands;

/**
 * An "internet" and home networks behind it, all network namespaces on this machine. A hub namespace holds the
 * internet's bridge ({@code 25.91.0.0/24}: miniupnpd maps only from a routable WAN address, and nothing outside
 * these namespaces ever sees it) and an IPv6 prefix ({@code 2001:db8:91::/64}, documentation space). Each router
 * namespace has its WAN on that bridge (or on another router's LAN: double NAT) and a LAN
 * ({@code 192.168.<91 + i>.0/24}, the first router's {@code 192.168.91.0/24}) to the hosts behind it; it forwards
 * and masquerades with nftables and, as {@link Nat} says, runs miniupnpd (UPnP IGD, NAT-PMP, PCP) on its LAN side,
 * or maps every connection to a port of its own (symmetric NAT). {@link #close()} kills every process in every
 * namespace and removes them.
 */
final class HomeNetwork implements AutoCloseable {
    static final String PREFIX = "mmnat-";
    static final String WAN_PREFIX = "25.91.0.";
    static final String V6_PREFIX = "2001:db8:91::";
    static final String LAN_PREFIX = "192.168.91.";
    private static final String HUB = PREFIX + "hub";
    private static final String ROUTER = PREFIX + "router";
    private final List<String> created = new ArrayList<>();
    private final List<String> routers = new ArrayList<>();
    private final List<Process> daemons = new ArrayList<>();
    private final Path dir;

    /**
     * The stateful firewall of a router that opens nothing (as home routers ship): from the WAN only answers to
     * what went out get in or through, and anything else is dropped without a word (no RST), so an unasked
     * connection attempt from outside leaves no trace in the router's connection tracking.
     */
    private static final String HOME_FIREWALL = """
            table inet home {
                chain input {
                    type filter hook input priority filter; policy accept;
                    iifname "wan0" ct state != { established, related } drop
                }
                chain forward {
                    type filter hook forward priority filter; policy accept;
                    iifname "wan0" ct state != { established, related } drop
                }
            }
            """;

    /** What a router does for the hosts behind it. */
    enum Nat {
        /** Masquerades and opens ports on request: miniupnpd with UPnP IGD, NAT-PMP and PCP. */
        UPNP,
        /**
         * Masquerades only (keeping the source port where it can) behind a firewall that drops what nobody asked
         * for; nobody gets in unasked.
         */
        PLAIN,
        /**
         * Masquerades each connection from a port of its own, so every destination sees another port; the same
         * firewall as {@link #PLAIN}.
         */
        SYMMETRIC
    }

    /** True when this machine lets us create namespaces (root, iproute2) and has nft and miniupnpd. */
    static boolean supported() {
        try {
            boolean ok = run(false, "ip", "netns", "add", PREFIX + "probe");
            run(false, "ip", "netns", "del", PREFIX + "probe");
            return ok && Files.isExecutable(Path.of("/usr/sbin/miniupnpd"))
                    && Files.isExecutable(Path.of("/usr/sbin/nft"));
        } catch (IOException e) {
            return false;
        }
    }

    HomeNetwork(Path dir) throws IOException {
        this.dir = dir;
        removeLeftovers();
        add(HUB);
        ip(HUB, "link", "add", "name", "inet0", "type", "bridge");
        ip(HUB, "link", "set", "inet0", "up");
    }

    /** A host on the internet at {@code 25.91.0.<n>} (and {@code 2001:db8:91::<n>}); returns the IPv4 address. */
    String internetHost(String name, int n) throws IOException {
        String ns = PREFIX + name;
        add(ns);
        attach(ns, "eth0");
        ip(ns, "addr", "add", WAN_PREFIX + n + "/24", "dev", "eth0");
        ip(ns, "addr", "add", V6_PREFIX + Integer.toHexString(n) + "/64", "dev", "eth0", "nodad");
        ip(ns, "link", "set", "eth0", "up");
        return WAN_PREFIX + n;
    }

    /** A host on the internet with an IPv6 address only, {@code 2001:db8:91::<n>}; returns it. */
    String ipv6OnlyHost(String name, int n) throws IOException {
        String ns = PREFIX + name;
        add(ns);
        attach(ns, "eth0");
        ip(ns, "addr", "add", V6_PREFIX + Integer.toHexString(n) + "/64", "dev", "eth0", "nodad");
        ip(ns, "link", "set", "eth0", "up");
        return V6_PREFIX + Integer.toHexString(n);
    }

    /** The home router at {@code 25.91.0.<wan>} on the internet and {@code 192.168.91.1} on its LAN, with miniupnpd. */
    String router(int wan) throws IOException {
        return router("router", null, wan, Nat.UPNP);
    }

    /**
     * A router named {@code name}: its WAN at {@code 25.91.0.<wan>} on the internet, or, when {@code behind} names
     * another router, at {@code <that router's LAN prefix><wan>} on that router's LAN; its own LAN gateway at
     * {@link #lanPrefix}{@code + 1}. Returns its WAN address.
     */
    String router(String name, String behind, int wan, Nat nat) throws IOException {
        String ns = PREFIX + name;
        String lan = lanPrefixOf(routers.size());
        routers.add(name);
        add(ns);
        String wanAddress;
        if (behind == null) {
            attach(ns, "wan0");
            wanAddress = WAN_PREFIX + wan;
        } else {
            plugInto(behind, ns, "w-" + name, "wan0");
            wanAddress = lanPrefix(behind) + wan;
        }
        ip(ns, "addr", "add", wanAddress + "/24", "dev", "wan0");
        ip(ns, "link", "set", "wan0", "up");
        if (behind != null) {
            ip(ns, "route", "add", "default", "via", lanPrefix(behind) + "1");
        }
        ip(ns, "link", "add", "name", "lanbr", "type", "bridge");
        ip(ns, "addr", "add", lan + "1/24", "dev", "lanbr");
        ip(ns, "link", "set", "lanbr", "up");
        run(true, "ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        if (nat == Nat.UPNP) {
            miniupnpd(ns, lan);
        } else {
            Path nft = dir.resolve(name + ".nft");
            Files.writeString(nft, "table ip nat {\n  chain postrouting {\n"
                    + "    type nat hook postrouting priority srcnat; policy accept;\n"
                    + "    oifname \"wan0\" masquerade" + (nat == Nat.SYMMETRIC ? " fully-random" : "") + "\n"
                    + "  }\n}\n" + HOME_FIREWALL);
            run(true, "ip", "netns", "exec", ns, "nft", "-f", nft.toString());
        }
        return wanAddress;
    }

    /** The LAN prefix ({@code 192.168.x.}) of router {@code name}. */
    String lanPrefix(String name) {
        int i = routers.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no router " + name);
        }
        return lanPrefixOf(i);
    }

    private static String lanPrefixOf(int index) {
        return index == 0 ? LAN_PREFIX : "192.168." + (91 + index) + ".";
    }

    private void miniupnpd(String ns, String lan) throws IOException {
        Path nft = dir.resolve(ns + ".nft");
        Files.writeString(nft, """
                table inet miniupnpd {
                    chain miniupnpd {
                    }
                    chain prerouting_miniupnpd {
                    }
                    chain postrouting_miniupnpd {
                    }
                    chain forward {
                        type filter hook forward priority 0; policy accept;
                        jump miniupnpd
                    }
                    chain prerouting {
                        type nat hook prerouting priority dstnat; policy accept;
                        jump prerouting_miniupnpd
                    }
                    chain postrouting {
                        type nat hook postrouting priority srcnat; policy accept;
                        jump postrouting_miniupnpd
                        oifname "wan0" masquerade
                    }
                }
                """);
        run(true, "ip", "netns", "exec", ns, "nft", "-f", nft.toString());
        Path conf = dir.resolve(ns + "-miniupnpd.conf");
        Files.writeString(conf, """
                ext_ifname=wan0
                listening_ip=lanbr
                port=5000
                enable_natpmp=yes
                enable_upnp=yes
                secure_mode=yes
                system_uptime=yes
                upnp_table_name=miniupnpd
                upnp_nat_table_name=miniupnpd
                upnp_forward_chain=miniupnpd
                upnp_nat_chain=prerouting_miniupnpd
                upnp_nat_postrouting_chain=postrouting_miniupnpd
                uuid=3d3cec3a-8cf0-11e0-98ee-001a6bd2d07b
                allow 1024-65535 LAN0/24 1024-65535
                deny 0-65535 0.0.0.0/0 0-65535
                """.replace("LAN", lan));
        daemons.add(new ProcessBuilder("ip", "netns", "exec", ns, "/usr/sbin/miniupnpd", "-f", conf.toString(),
                "-d").redirectErrorStream(true).redirectOutput(dir.resolve(ns + "-miniupnpd.log").toFile()).start());
    }

    /** A host on the router's LAN at {@code 192.168.91.<n>}, its default route via the router; returns its address. */
    String homeHost(String name, int n) throws IOException {
        return homeHost(name, "router", n);
    }

    /** A host on router {@code router}'s LAN at {@code <its prefix><n>}, routed through it; returns its address. */
    String homeHost(String name, String router, int n) throws IOException {
        String ns = PREFIX + name;
        add(ns);
        plugInto(router, ns, "l-" + name, "eth0");
        String address = lanPrefix(router) + n;
        ip(ns, "addr", "add", address + "/24", "dev", "eth0");
        ip(ns, "link", "set", "eth0", "up");
        ip(ns, "link", "set", "lo", "up");
        ip(ns, "route", "add", "default", "via", lanPrefix(router) + "1");
        return address;
    }

    /** A veth pair from router {@code router}'s LAN bridge to {@code ifname} in {@code ns}. */
    private void plugInto(String router, String ns, String routerEnd, String ifname) throws IOException {
        String routerNs = PREFIX + router;
        run(true, "ip", "link", "add", routerEnd, "netns", routerNs, "type", "veth", "peer", "name", ifname,
                "netns", ns);
        ip(routerNs, "link", "set", routerEnd, "master", "lanbr");
        ip(routerNs, "link", "set", routerEnd, "up");
    }

    /** The port forwards miniupnpd has made now, as nftables lists them (its {@code dnat} rules). */
    List<String> routerForwards() throws IOException {
        String out = Commands.output("ip", "netns", "exec", ROUTER, "nft", "list", "chain", "inet", "miniupnpd",
                "prerouting_miniupnpd");
        return out.lines().filter(l -> l.contains("dnat")).map(String::trim).toList();
    }

    /** The command line that runs {@code command} inside host {@code name}. */
    List<String> exec(String name, List<String> command) {
        return Commands.inNamespace(PREFIX + name, command);
    }

    @Override
    public void close() throws IOException {
        daemons.forEach(Process::destroy);
        for (String ns : created) {
            killAllIn(ns);
            run(false, "ip", "netns", "del", ns);
            Path etc = Path.of("/etc/netns", ns);
            Files.deleteIfExists(etc.resolve("resolv.conf"));
            Files.deleteIfExists(etc);
        }
    }

    private void attach(String ns, String ifname) throws IOException {
        String hubEnd = "v-" + ns.substring(PREFIX.length());
        run(true, "ip", "link", "add", hubEnd, "netns", HUB, "type", "veth", "peer", "name", ifname, "netns", ns);
        ip(HUB, "link", "set", hubEnd, "master", "inet0");
        ip(HUB, "link", "set", hubEnd, "up");
        ip(ns, "link", "set", "lo", "up");
    }

    private void add(String ns) throws IOException {
        run(true, "ip", "netns", "add", ns);
        created.add(ns);
        // A resolver on the host's own loopback: any name look-up fails at once instead of waiting for a timeout.
        Path etc = Path.of("/etc/netns", ns);
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    }

    private static void killAllIn(String ns) throws IOException {
        String out = Commands.output("ip", "netns", "pids", ns);
        for (String pid : out.split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static void ip(String ns, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        run(true, cmd.toArray(String[]::new));
    }

    private void removeLeftovers() throws IOException {
        String out = Commands.output("ip", "netns", "list");
        for (String line : out.split("\n")) {
            String ns = line.split(" ")[0];
            if (ns.startsWith(PREFIX)) {
                killAllIn(ns);
                run(false, "ip", "netns", "del", ns);
            }
        }
    }

    private static boolean run(boolean required, String... cmd) throws IOException {
        return Commands.run(required, cmd);
    }
}
