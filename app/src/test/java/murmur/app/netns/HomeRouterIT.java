package murmur.app.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import murmur.app.netns.PeerProcesses.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Murmur between real computers, each a network namespace with its own JVM: three bootstrap nodes and a public
 * user on an "internet" bridge, and two users behind a home router that masquerades (nftables) and runs miniupnpd.
 * The users' peers start with the default bind settings, as {@code murmur app} does: they listen on every
 * interface, learn their public address from the bootstrap nodes, open the router and get dialled back through it.
 * Then they register, follow each other and post; every post reaches every follower. A second test does the same
 * for two peers that have IPv6 only. Prints one JSON line with the timings.
 */
@Timeout(300)
class HomeRouterIT {
    private static final Duration WAIT = PeerProcesses.WAIT;
    private HomeNetwork net;
    /** Each child's stderr (INFO and up) is kept in target/netns-home-router, for a post-mortem. */
    private PeerProcesses children;

    @TempDir
    Path dir;

    @BeforeEach
    void network() throws IOException {
        children = PeerProcesses.inNewNetwork(dir, "netns-home-router");
        net = children.network();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (children != null) {
            children.close();
        }
    }

    @Test
    void usersBehindAHomeRouterAndOnTheInternetReachEachOther() throws Exception {
        List<String> seeds = children.startBootstrapNodes();
        String wan = net.router(20);
        net.homeHost("lan1", 10);
        net.homeHost("lan2", 11);
        net.internetHost("pub", 10);

        Peer pub = children.peer("pub", seeds);
        Peer lan1 = children.peer("lan1", seeds);
        Peer lan2 = children.peer("lan2", seeds);

        long reachableMillis = lan1.awaitReach("REACHABLE");
        lan2.awaitReach("REACHABLE");
        pub.awaitReach("REACHABLE");
        for (Peer p : List.of(lan1, lan2)) {
            String reach = p.ask("reach");
            assertThat(reach).as("the mapped address goes first").contains("REACHABLE " + wan + ":")
                    .contains("router opened by");
        }
        assertThat(pub.ask("reach")).contains("Reachable at " + HomeNetwork.WAN_PREFIX + "10:");
        assertThat(net.routerForwards()).as("UDP and TCP for each peer behind the router").hasSize(4);

        for (Peer p : List.of(pub, lan1, lan2)) {
            p.ok("register " + p.name);
        }
        pub.ok("follow lan1");
        pub.ok("follow lan2");
        lan1.ok("follow pub");
        lan1.ok("follow lan2");
        lan2.ok("follow pub");
        lan2.ok("follow lan1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(lan1.ask("notifications")).contains("FOLLOW:pub"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(lan2.ask("notifications")).contains("FOLLOW:pub"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pub.ask("following"))
                .isEqualTo("following lan1:online|lan2:online"));

        long posted = System.nanoTime();
        pub.ok("post hello from the internet");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(deliveredTo(pub.ask("timeline"), "pub:hello from the internet")).isPositive());
        double postToReceipt = (System.nanoTime() - posted) / 1e9;
        lan1.ok("post hello from behind the router");
        lan2.ok("post hello from next door");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(pub.ask("timeline")).contains("lan1:hello from behind the router")
                    .contains("lan2:hello from next door").contains("pub:hello from the internet:2");
            assertThat(lan1.ask("timeline")).contains("pub:hello from the internet")
                    .contains("lan2:hello from next door").contains("lan1:hello from behind the router:2");
            assertThat(lan2.ask("timeline")).contains("pub:hello from the internet")
                    .contains("lan1:hello from behind the router").contains("lan2:hello from next door:2");
        });

        lan1.quit();
        lan2.quit();
        assertThat(net.routerForwards()).as("a clean exit closes the router again").isEmpty();
        System.out.printf(Locale.ROOT, "{\"probe\":\"home-router\",\"secondsStartToReachableViaRouter\":%.2f,"
                + "\"secondsPostToFirstReceiptAcrossNat\":%.3f}%n", reachableMillis / 1000.0, postToReceipt);
    }

    @Test
    void twoPeersWithIpv6OnlyFollowAndPost() throws Exception {
        List<String> seeds = children.startBootstrapNodes();
        String a = net.ipv6OnlyHost("v6a", 0x30);
        String b = net.ipv6OnlyHost("v6b", 0x31);
        List<String> v6seeds = List.of("[" + HomeNetwork.V6_PREFIX + "1]:4100");
        Peer va = children.peer("v6a", v6seeds);
        Peer vb = children.peer("v6b", v6seeds);

        va.awaitReach("REACHABLE");
        vb.awaitReach("REACHABLE");
        assertThat(va.ask("reach")).contains("Reachable at [" + InetAddress.getByName(a).getHostAddress() + "]:");
        assertThat(seeds).hasSize(3);

        va.ok("register ada6");
        vb.ok("register bob6");
        va.ok("follow bob6");
        vb.ok("follow ada6");
        va.ok("post over six");
        vb.ok("post six back");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(va.ask("timeline")).contains("bob6:six back").contains("ada6:over six:1");
            assertThat(vb.ask("timeline")).contains("ada6:over six").contains("bob6:six back:1");
        });
        assertThat(b).startsWith(HomeNetwork.V6_PREFIX);
    }

    /** How many followers received the post shown as {@code author:text} in a {@code timeline} answer. */
    private static int deliveredTo(String timeline, String post) {
        for (String entry : timeline.substring("timeline ".length()).split("\\|")) {
            if (entry.startsWith(post + ":")) {
                return Integer.parseInt(entry.substring(post.length() + 1));
            }
        }
        return 0;
    }
}
