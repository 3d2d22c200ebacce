package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: three devices of one account post at once, in a loop, for {@link #LOOP}, on real peers on loopback,
 * while the account's follower signs out for a while and comes back. Every post a device acknowledged ends up at the
 * follower and on all three devices.
 */
class ThreeDevicesIT {
    private static final Duration LOOP = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration PACE = Duration.ofMillis(250);
    private static final String NAME = "trio";
    private static final String PASSWORD = "quartz lantern meadow 7";

    @Test
    void everyAcknowledgedPostReachesTheFollowerAndEveryDevice(@TempDir Path a, @TempDir Path b, @TempDir Path c,
            @TempDir Path f) throws Exception {
        try (LocalNet net = LocalNet.start(3, List.of())) {
            List<TimelineService> devices = new ArrayList<>();
            devices.add(await(net.peer(a).register(NAME, PASSWORD)));
            devices.add(await(net.peer(b).login(NAME, PASSWORD)));
            devices.add(await(net.peer(c).login(NAME, PASSWORD)));
            TimelinePeer fanPeer = net.peer(f);
            TimelineService fan = await(fanPeer.register(NAME + "_fan", PASSWORD));
            TimelineService back;
            await(fan.follow(NAME));
            waitAtMost(Duration.ofSeconds(20)).until(() -> !await(devices.get(0).followersOf(NAME)).isEmpty());

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            long end = System.nanoTime() + LOOP.toNanos();
            ScheduledExecutorService pace = Executors.newScheduledThreadPool(devices.size());
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            try {
                for (int i = 0; i < devices.size(); i++) {
                    loops.add(postEvery(pace, devices.get(i), "device " + i, end, acknowledged));
                }
                waitAtMost(LOOP).until(() -> acknowledged.size() >= 20);
                await(fan.logout());
                net.stop(fanPeer);
                int whenAway = acknowledged.size();
                waitAtMost(LOOP).until(() -> acknowledged.size() >= whenAway + 30);
                back = await(net.peer(f).login(NAME + "_fan", PASSWORD));
                CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
                        .get(LOOP.multipliedBy(2).toSeconds(), TimeUnit.SECONDS);
            } finally {
                pace.shutdownNow();
            }

            assertThat(acknowledged).hasSizeGreaterThan(30);
            List<TimelineService> everyone = new ArrayList<>(devices);
            everyone.add(back);
            waitAtMost(SETTLE).untilAsserted(() -> assertThat(missing(everyone, acknowledged))
                    .as("acknowledged posts missing, per holder").isEmpty());
            System.out.printf("{\"probe\":\"three-devices\",\"loop_s\":%d,\"acknowledged\":%d,\"follower\":%d,"
                    + "\"devices\":[%d,%d,%d]}%n", LOOP.toSeconds(), acknowledged.size(), held(back).size(),
                    held(devices.get(0)).size(), held(devices.get(1)).size(), held(devices.get(2)).size());
        }
    }

    /**
     * Posts from {@code device} every {@link #PACE} until {@code endNanos}, each post once the one before was
     * acknowledged (or refused), remembering each one acknowledged; completes after the last.
     */
    private static CompletableFuture<Void> postEvery(ScheduledExecutorService pace, TimelineService device,
            String label, long endNanos, Set<String> acknowledged) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger n = new AtomicInteger();
        pace.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() >= endNanos) {
                done.complete(null);
                throw new CancellationException("the loop is over");
            }
            String text = label + " post " + n.incrementAndGet();
            device.post(text).thenAccept(p -> acknowledged.add(p.text())).exceptionally(e -> null).join();
        }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Per holder (its user and device), the acknowledged posts it lacks: how many, and a few of them. */
    private static Map<String, String> missing(List<TimelineService> holders, Set<String> acknowledged) {
        Map<String, String> missing = new TreeMap<>();
        for (TimelineService s : holders) {
            Set<String> lacking = new TreeSet<>(acknowledged);
            lacking.removeAll(held(s));
            if (!lacking.isEmpty()) {
                missing.put(s.user() + "/" + s.deviceId(), lacking.size() + ": " + lacking.stream().limit(12).toList());
            }
        }
        return missing;
    }

    private static Set<String> held(TimelineService s) {
        return new HashSet<>(await(s.postsBy(NAME)).stream().map(Post::text).toList());
    }
}
