package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.timeline.Post;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.testing.MemoryLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subtree a push carries is not signed: whoever sends a push chooses the names and addresses its receiver
 * dials. These pushes try to make one peer open a storm of connections, or connect to addresses no peer listens at.
 */
class RouteStormAttackTest {
    private static final int RETRIES = 3;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TestPosts posts = new TestPosts();
    private final MemoryLog log = new MemoryLog(posts.key.publicKey());
    /** Every push the victim tried to send, by address, retries included; every one fails. */
    private final Map<String, AtomicInteger> dials = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    /** What signed presence says about a name; by default what the push says (the attacker owns those names). */
    private final Map<String, String> presence = new ConcurrentHashMap<>();
    private volatile boolean presenceEchoesThePush = true;

    @AfterEach
    void close() {
        scheduler.shutdownNow();
    }

    private CompletableFuture<byte[]> dial(List<PeerAddress> to, int type, byte[] body) {
        if (type == LinkTypes.PUSH) {
            total.incrementAndGet();
            to.forEach(a -> dials.computeIfAbsent(a.toString(), k -> new AtomicInteger()).incrementAndGet());
        }
        return CompletableFuture.failedFuture(new LinkException(LinkException.Kind.UNREACHABLE, "nobody there"));
    }

    private Relay victim() {
        return RelayFixture.relay(this::dial, log, "victim", "127.0.0.1:9", scheduler, name -> {
            String known = presence.get(name);
            return CompletableFuture.completedFuture(Optional.ofNullable(known));
        });
    }

    private static List<Hop> hops(int n) {
        List<Hop> out = new ArrayList<>(n);
        out.add(new Hop("victim", "127.0.0.1:9"));
        for (int i = 1; i < n; i++) {
            out.add(new Hop("x" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + ":7"));
        }
        return out;
    }

    private byte[] push(Post post, int depth, List<Hop> subtree) {
        return PushCodec.encode(new PushMessage(post, depth, "127.0.0.1:1", subtree));
    }

    @Test
    void aPushListingFiftyThousandDeadPeersCausesAtMostAFewDozenDials() {
        Relay victim = victim();
        List<Hop> subtree = hops(PushCodec.MAX_SUBTREE);
        subtree.forEach(h -> presence.put(h.name(), h.address()));

        assertThat(victim.onPush(null, push(posts.next("alice"), 1, subtree))).succeedsWithin(Duration.ofSeconds(10));

        // Its two children, then at most 8 failed children whose two children each are adopted.
        int cap = RETRIES * (2 + 2 * 8);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(200))
                .until(() -> total.get() > 0 && total.get() == settledDials());
        assertThat(total.get()).as("dials caused by one push").isPositive().isLessThanOrEqualTo(cap);
    }

    private int settled = -1;

    /** The dial count once it stops changing between two polls. */
    private int settledDials() {
        int now = total.get();
        int before = settled;
        settled = now;
        return before == now ? now : -1;
    }

    @Test
    void anAdoptedOrphanIsDialedWhereItsSignedPresenceSaysNotWhereThePushSays() {
        Relay victim = victim();
        List<Hop> subtree = hops(7);
        // x1 and x2 (the children) fail; their children x3..x6 are adopted: presence moves x3, knows nothing of x4.
        presence.put("x1", subtree.get(1).address());
        presence.put("x2", subtree.get(2).address());
        presence.put("x3", "127.0.0.1:3333");
        presence.put("x5", subtree.get(5).address());
        presence.put("x6", subtree.get(6).address());

        assertThat(victim.onPush(null, push(posts.next("alice"), 1, subtree))).succeedsWithin(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> dials.containsKey("10.0.0.5:7")
                && dials.containsKey("10.0.0.6:7") && dials.containsKey("127.0.0.1:3333"));
        assertThat(dials).as("x3's address in the push, and x4 with no presence, are never dialed")
                .doesNotContainKeys("10.0.0.3:7", "10.0.0.4:7");
    }

    @Test
    void wildcardMulticastBroadcastAndPortZeroAreNeverDialed() {
        Relay victim = victim();
        List<Hop> subtree = List.of(new Hop("victim", "127.0.0.1:9"), new Hop("a", "0.0.0.0:80,[::]:80"),
                new Hop("b", "224.0.0.251:5353,255.255.255.255:9"), new Hop("c", "127.0.0.1:0"),
                new Hop("d", "[ff02::1]:80"), new Hop("e", "10.0.0.1:7"));
        subtree.forEach(h -> presence.put(h.name(), h.address()));

        assertThat(victim.onPush(null, push(posts.next("alice"), 1, subtree))).succeedsWithin(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> dials.containsKey("10.0.0.1:7"));
        assertThat(dials.keySet()).as("only the internet or local network address").containsOnly("10.0.0.1:7");
    }

    @Test
    void aSubtreeTooLargeForItsDepthIsRefusedBeforeAnythingIsDialed() {
        Relay victim = victim();
        // At depth 12 a real tree of 50,000 followers leaves at most 50,001 / 2^11 = 24 below a peer.
        CompletableFuture<byte[]> answer = victim.onPush(null, push(posts.next("alice"), 12, hops(1000)));

        assertThat(answer).failsWithin(Duration.ofSeconds(5));
        assertThat(log.has(1)).as("not stored either").isFalse();
        assertThat(total.get()).isZero();
    }
}
