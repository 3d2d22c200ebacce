package murmur.app.demo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import murmur.bootstrap.LocalNetwork;
import murmur.config.MurmurSettings;
import murmur.timeline.Post;
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

    private final Function<List<String>, MurmurSettings> settings;
    private final Path folder;
    private final int userCount;
    private final Duration postEvery;
    private final Consumer<String> report;
    private volatile LocalNetwork seeds;
    private final List<DemoUser> users = new ArrayList<>();
    private final Random random = new Random();
    private final Deque<String> lines = new ArrayDeque<>();
    /** Every third thing said is a reply, and every fifth a repost. */
    private int spoken;
    private final Deque<DemoUser> turns = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-poster");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param settings  the demo users' settings with the given overrides added (the demo names its bootstrap nodes'
     *                  SNTP servers as time sources)
     * @param folder    where every node keeps its data
     * @param userCount how many demo users, at most {@value #MAX_USERS}
     * @param postEvery how often one of them posts
     * @param report    hears each event as a line of text, on any thread
     */
    public Demo(Function<List<String>, MurmurSettings> settings, Path folder, int userCount, Duration postEvery,
            Consumer<String> report) {
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
        return CompletableFuture.runAsync(() -> seeds = LocalNetwork.start(folder.resolve("bootstrap"), 3), scheduler)
                .thenCompose(v -> startUsers())
                .thenCompose(v -> followEachOther())
                .thenCompose(v -> all(users.stream().map(u -> u.post(line())).toList()))
                .thenRun(() -> scheduler.scheduleWithFixedDelay(this::postSomething, postEvery.toMillis(),
                        postEvery.toMillis(), TimeUnit.MILLISECONDS));
    }

    private CompletableFuture<Void> startUsers() {
        report.accept("3 bootstrap nodes on " + seedList());
        MurmurSettings peerSettings = settings.apply(peerSettings());
        for (String name : DemoCast.NAMES.subList(0, userCount)) {
            users.add(new DemoUser(name, peerSettings, folder.resolve("user-" + name), seedAddresses(), report));
        }
        return all(users.stream().map(DemoUser::start).toList());
    }

    /** Each user follows the next two in the cast, so every user has followers and "Who to follow" has ranks. */
    private CompletableFuture<Void> followEachOther() {
        List<CompletableFuture<Void>> follows = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            for (int step = 1; step <= 2; step++) {
                follows.add(users.get(i).follow(users.get((i + step) % users.size()).name()));
            }
        }
        return all(follows);
    }

    /** The bootstrap nodes' addresses, for the app to join through. */
    public List<InetSocketAddress> seedAddresses() {
        return seeds.dhtAddresses();
    }

    /** "127.0.0.1:4100,127.0.0.1:4101,...". */
    public String seedList() {
        return String.join(",", seedAddresses().stream().map(a -> "127.0.0.1:" + a.getPort()).toList());
    }

    /**
     * Setting overrides for a peer on the demo network: it listens on loopback (the demo is one computer's), asks
     * no router to open anything, and takes its time from the demo's bootstrap nodes.
     */
    public List<String> peerSettings() {
        return List.of("timeline.host=" + InetAddress.getLoopbackAddress().getHostAddress(),
                "timeline.portMapping=false", "timeline.timeSources=" + String.join(",",
                seeds.sntpAddresses().stream().map(a -> "127.0.0.1:" + a.getPort()).toList()));
    }

    /** The demo users' names, to suggest to a newcomer. */
    public List<String> userNames() {
        return DemoCast.NAMES.subList(0, userCount);
    }

    public CompletableFuture<Void> stop() {
        scheduler.shutdownNow();
        return all(users.stream().map(u -> u.stop().exceptionally(e -> null)).toList())
                .thenCompose(v -> seeds == null ? CompletableFuture.completedFuture(null) : seeds.stop());
    }

    private void postSomething() {
        DemoUser who = nextPoster();
        ++spoken;
        CompletableFuture<Optional<Post>> passedOn = spoken % 5 == 0 ? who.repostLatest()
                : spoken % 3 == 0 ? who.replyToLatest(reply())
                : CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<?> said = passedOn.thenCompose(r -> r.isPresent()
                ? CompletableFuture.completedFuture(r.get()) : who.post(line()));
        said.exceptionally(e -> {
            LOG.warn("{} could not post: {}", who.name(), e.getMessage());
            return null;
        });
    }

    /** Users take turns in a shuffled order, so nobody dominates the timeline. */
    private DemoUser nextPoster() {
        if (turns.isEmpty()) {
            List<DemoUser> shuffled = new ArrayList<>(users);
            Collections.shuffle(shuffled, random);
            turns.addAll(shuffled);
        }
        return turns.poll();
    }

    private String reply() {
        return DemoCast.REPLIES.get(random.nextInt(DemoCast.REPLIES.size()));
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
