package murmur.app.demo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import murmur.config.MurmurSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A living network on loopback: bootstrap nodes, and demo users who each follow the next two in the cast, post a
 * first line at once and then one of them posts every {@code postEvery}. Everything that happens is reported.
 */
public final class Demo {
    /** The cast has this many users. */
    public static final int MAX_USERS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private final MurmurSettings settings;
    private final Path folder;
    private final int userCount;
    private final Duration postEvery;
    private final Consumer<String> report;
    private final SeedNodes seeds = new SeedNodes();
    private final List<DemoUser> users = new ArrayList<>();
    private final Random random = new Random();
    private final Deque<String> lines = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-poster");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param settings  for the bootstrap nodes and the demo users' peers
     * @param folder    where every node keeps its data
     * @param userCount how many demo users, at most {@value #MAX_USERS}
     * @param postEvery how often one of them posts
     * @param report    hears each event as a line of text, on any thread
     */
    public Demo(MurmurSettings settings, Path folder, int userCount, Duration postEvery, Consumer<String> report) {
        if (userCount < 2 || userCount > MAX_USERS) {
            throw new IllegalArgumentException("demo users: 2 to " + MAX_USERS + ", got " + userCount);
        }
        this.settings = settings;
        this.folder = folder;
        this.userCount = userCount;
        this.postEvery = postEvery;
        this.report = report;
    }

    /** Starts the bootstrap nodes, signs the users up, wires their follows, posts first lines, then keeps posting. */
    public CompletableFuture<Void> start() {
        return seeds.start(settings.dht(), folder, 3).thenCompose(v -> {
            report.accept("3 bootstrap nodes on " + seedList());
            for (String name : DemoCast.NAMES.subList(0, userCount)) {
                users.add(new DemoUser(name, settings, folder.resolve("user-" + name), seeds.addresses(), report));
            }
            return all(users.stream().map(DemoUser::start).toList());
        }).thenCompose(v -> {
            List<CompletableFuture<Void>> follows = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                for (int step = 1; step <= 2; step++) {
                    follows.add(users.get(i).follow(users.get((i + step) % users.size()).name()));
                }
            }
            return all(follows);
        }).thenCompose(v -> all(users.stream().map(u -> u.post(line()).thenApply(p -> (Void) null)).toList()))
                .thenRun(() -> scheduler.scheduleWithFixedDelay(this::postSomething, postEvery.toMillis(),
                        postEvery.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The bootstrap nodes' addresses, for the app to join through. */
    public List<InetSocketAddress> seedAddresses() {
        return seeds.addresses();
    }

    /** "127.0.0.1:4100,127.0.0.1:4101,...". */
    public String seedList() {
        return String.join(",", seeds.addresses().stream().map(a -> "127.0.0.1:" + a.getPort()).toList());
    }

    /** The demo users' names, to suggest to a newcomer. */
    public List<String> userNames() {
        return DemoCast.NAMES.subList(0, userCount);
    }

    public CompletableFuture<Void> stop() {
        scheduler.shutdownNow();
        return all(users.stream().map(u -> u.stop().exceptionally(e -> null)).toList())
                .thenCompose(v -> seeds.stop());
    }

    private void postSomething() {
        DemoUser who = users.get(random.nextInt(users.size()));
        who.post(line()).exceptionally(e -> {
            LOG.warn("{} could not post: {}", who.name(), e.getMessage());
            return null;
        });
    }

    /** The cast's lines in a shuffled order, each said once before any repeats. */
    private synchronized String line() {
        if (lines.isEmpty()) {
            List<String> shuffled = new ArrayList<>(DemoCast.LINES);
            Collections.shuffle(shuffled, random);
            lines.addAll(shuffled);
        }
        return lines.poll();
    }

    private static CompletableFuture<Void> all(List<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }
}
