package murmur.app.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import murmur.app.netns.HomeNetwork.Nat;
import murmur.app.netns.PeerProcesses.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users behind routers that nobody gets through, each a network namespace with its own JVM: one behind a plain
 * masquerading router (no UPnP, NAT-PMP or PCP), one behind two such routers (double NAT), one behind a symmetric
 * NAT; two users and three bootstrap nodes (which relay) on the internet. The hidden users find they cannot be
 * dialled, put their DHT nodes in client mode and hold reservations at two relays. Then the whole story: register,
 * follow each other and the public users, post every way, follow notices while away, catch-up after being offline,
 * and a relay killed mid-run without losing a post. Relayed connections are upgraded by hole punching where the
 * routers allow it. Prints one JSON line: post delivery latency direct (a public follower), to followers behind
 * routers that keep ports (plain and double NAT: punched holes where punching worked) and behind the symmetric NAT
 * (relay only), relayed bytes per post, and hole punching's outcome per NAT type as the dialled peers logged it.
 */
@Timeout(420)
class RelayNatIT {
    private static final Duration WAIT = PeerProcesses.WAIT;
    /** Every peer here tries to replace relayed connections by punched ones. */
    private static final String PUNCH = "timeline.holePunch=true";
    private static final Pattern RELAYS = Pattern.compile("via:(25\\.91\\.0\\.\\d+):4101/");
    private HomeNetwork net;
    private PeerProcesses children;

    @TempDir
    Path dir;

    @BeforeEach
    void network() throws IOException {
        children = PeerProcesses.inNewNetwork(dir, "netns-relay");
        net = children.network();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (children != null) {
            children.close();
        }
    }

    @Test
    void usersThatNobodyCanDialReachEveryoneThroughRelays() throws Exception {
        List<String> seeds = children.startBootstrapNodes();
        net.internetHost("pub", 10);
        net.internetHost("pub2", 11);
        net.router("plain", null, 20, Nat.PLAIN);
        net.homeHost("hplain", "plain", 10);
        net.router("outer", null, 30, Nat.PLAIN);
        net.router("inner", "outer", 2, Nat.PLAIN);
        net.homeHost("hdouble", "inner", 10);
        net.router("sym", null, 40, Nat.SYMMETRIC);
        net.homeHost("hsym", "sym", 10);

        Peer pub = children.peer("pub", seeds, PUNCH);
        Peer pub2 = children.peer("pub2", seeds, PUNCH);
        List<Peer> hidden = new ArrayList<>();
        for (String h : List.of("hplain", "hdouble", "hsym")) {
            hidden.add(children.peer(h, seeds, PUNCH));
        }
        pub.awaitReach("REACHABLE");
        pub2.awaitReach("REACHABLE");
        for (Peer h : hidden) {
            h.awaitReach("RELAYED");
            assertThat(relaysOf(h)).as("%s holds two relays", h.name).hasSize(2);
            assertThat(h.ask("reach")).contains("Reachable through relays 25.91.0.");
        }

        List<Peer> all = new ArrayList<>(List.of(pub, pub2));
        all.addAll(hidden);
        for (Peer p : all) {
            p.ok("register " + p.name);
        }
        for (Peer p : all) {
            for (Peer q : all) {
                if (follows(p, q, pub2, hidden)) {
                    p.ok("follow " + q.name);
                }
            }
        }
        for (Peer h : hidden) {
            await().atMost(WAIT).untilAsserted(() -> {
                String notifications = h.ask("notifications");
                for (Peer q : all) {
                    if (q != h && q != pub2) {
                        assertThat(notifications).as("%s told that %s follows", h.name, q.name)
                                .contains("FOLLOW:" + q.name);
                    }
                }
            });
        }

        for (Peer p : all) {
            p.ok("post first from " + p.name);
        }
        for (Peer p : all) {
            await().atMost(WAIT).untilAsserted(() -> {
                String timeline = p.ask("timeline");
                for (Peer q : all) {
                    if (p == q || follows(p, q, pub2, hidden)) {
                        assertThat(timeline).as("%s has %s's post", p.name, q.name)
                                .contains(q.name + ":first from " + q.name);
                    }
                }
            });
        }

        // Away and back: a follow and posts while hdouble is signed out reach it when it comes back.
        Peer away = hidden.get(1);
        away.quit();
        net.homeHost("hlate", "plain", 11);
        Peer late = children.peer("hlate", seeds, PUNCH);
        late.ok("register hlate");
        late.ok("follow hdouble");
        pub.ok("post while hdouble was away");
        away = children.peer("hdouble", seeds, PUNCH);
        hidden.set(1, away);
        away.awaitReach("RELAYED");
        away.ok("login hdouble");
        Peer back = away;
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(back.ask("timeline")).contains("pub:while hdouble was away");
            assertThat(back.ask("notifications")).contains("FOLLOW:hlate");
        });

        // Kill the relay every hidden user holds first; they move on, and every post still reaches everyone.
        String firstRelay = relaysOf(hidden.get(0)).get(0);
        int killed = Integer.parseInt(firstRelay.substring(firstRelay.lastIndexOf('.') + 1)) - 1;
        long relayedBefore = 0;
        for (int i = 0; i < 3; i++) {
            if (i != killed) {
                relayedBefore += relayedBytes(i);
            }
        }
        children.killBootstrapNode(killed);
        for (Peer h : hidden) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(relaysOf(h)).as(h.name).hasSize(2)
                    .doesNotContain(firstRelay));
        }
        int posts = 10;
        for (int i = 0; i < posts; i++) {
            pub.ok("post after the relay died " + i);
        }
        for (Peer h : hidden) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(h.latencies("after the relay died"))
                    .as("%s: %s | %s", h.name, h.ask("timeline"), h.ask("reach")).hasSize(posts));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(pub2.latencies("after the relay died")).hasSize(posts));

        List<Long> viaRelay = new ArrayList<>();
        List<Long> keptPorts = hidden.get(0).latencies("after the relay died");
        // hdouble signed in again just before the relay died: its posts measure that, not its router.
        List<Long> justBack = hidden.get(1).latencies("after the relay died");
        List<Long> symmetric = hidden.get(2).latencies("after the relay died");
        for (Peer h : hidden) {
            viaRelay.addAll(h.latencies("after the relay died"));
        }
        List<Long> direct = pub2.latencies("after the relay died");
        long relayedAfter = 0;
        for (int i = 0; i < 3; i++) {
            if (i != killed) {
                relayedAfter += relayedBytes(i);
            }
        }
        Map<String, String> punched = punches();
        System.out.printf(Locale.ROOT, "{\"probe\":\"relay-nat\",\"directP50Ms\":%d,\"directP99Ms\":%d,"
                + "\"keptPortNatP50Ms\":%d,\"keptPortNatP99Ms\":%d,\"justBackP50Ms\":%d,\"justBackP99Ms\":%d,"
                + "\"symmetricNatP50Ms\":%d,"
                + "\"symmetricNatP99Ms\":%d,\"relayedBytesPerPostPerHiddenFollower\":%d,"
                + "\"holePunch\":{%s},"
                + "\"relayKilled\":\"b%d\",\"deliveredAfterKill\":\"%d/%d\"}%n", percentile(direct, 50),
                percentile(direct, 99), percentile(keptPorts, 50), percentile(keptPorts, 99),
                percentile(justBack, 50), percentile(justBack, 99),
                percentile(symmetric, 50), percentile(symmetric, 99),
                Math.max(0, relayedAfter - relayedBefore) / (posts * hidden.size()), punched.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(",")),
                killed, viaRelay.size(), posts * hidden.size());
        // Routers that keep ports let holes through: from a public peer and between two such routers.
        for (String pair : List.of("public->plain", "public->double", "plain->double")) {
            assertThat(punched.getOrDefault(pair, "0/0")).as("punches %s: %s; failures: %s", pair, punched,
                    punchFailures()).doesNotStartWith("0/");
        }
    }

    /**
     * Hole punching's outcome by the dialer's and the dialled peer's networks ({@code "public->plain": "2/2"}:
     * succeeded/tried), from the dialled peers' logs (each answers every attempt and logs how it ended, naming the
     * dialer's public endpoint).
     */
    private static Map<String, String> punches() throws IOException {
        Map<String, String> networkOf = Map.of("25.91.0.10", "public", "25.91.0.11", "public", "25.91.0.20", "plain",
                "25.91.0.30", "double", "25.91.0.40", "symmetric");
        Pattern outcome = Pattern.compile("(punched a direct connection from|punching towards) /([0-9.]+):");
        Map<String, long[]> counts = new TreeMap<>();
        for (String host : List.of("hplain", "hdouble", "hsym")) {
            String dialled = networkOf.get(net(host));
            for (String line : Files.readAllLines(Path.of("target", "netns-relay", host + ".log"))) {
                Matcher m = outcome.matcher(line);
                if (m.find()) {
                    long[] c = counts.computeIfAbsent(networkOf.getOrDefault(m.group(2), m.group(2)) + "->"
                            + dialled, k -> new long[2]);
                    c[0] += m.group(1).startsWith("punched") ? 1 : 0;
                    c[1]++;
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach((pair, c) -> out.put(pair, c[0] + "/" + c[1]));
        return out;
    }

    /** Every failed punch the peers logged, dialer's and dialled side, with its reason. */
    private static List<String> punchFailures() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String host : List.of("pub", "pub2", "hplain", "hdouble", "hsym")) {
            for (String line : Files.readAllLines(Path.of("target", "netns-relay", host + ".log"))) {
                if (line.contains("punching towards")) {
                    failures.add(host + ": " + line);
                }
            }
        }
        return failures;
    }

    /** The public IP of the router in front of {@code host}. */
    private static String net(String host) {
        return switch (host) {
            case "hplain" -> "25.91.0.20";
            case "hdouble" -> "25.91.0.30";
            default -> "25.91.0.40";
        };
    }

    /** Everyone follows everyone, but pub2 follows only pub: its posts measure the direct path. */
    private static boolean follows(Peer p, Peer q, Peer pub2, List<Peer> hidden) {
        return p != q && !(p == pub2 && (hidden.contains(q) || q.name.equals("pub2")));
    }

    /** The relays a peer publishes now, as their IPv4 addresses. */
    private static List<String> relaysOf(Peer p) throws IOException {
        Matcher m = RELAYS.matcher(p.ask("reach"));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Bytes bootstrap node {@code i}'s relay has passed on so far, from its /metrics (loopback in its host). */
    private long relayedBytes(int i) throws Exception {
        String metrics = children.httpGet("b" + i, "http://127.0.0.1:4180/metrics");
        Matcher m = Pattern.compile("murmur_relay_events_total\\{event=\"bytes_relayed\",?\\} ([0-9.E]+)")
                .matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
