package murmur.tools.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import murmur.timeline.TimelineService;
import murmur.timeline.observe.Subscription;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.LocalNet;

/**
 * A user with a timeline on one device signs in on a second device with an empty data directory: how long until
 * that device shows the whole timeline. Real peers on loopback, the real key derivation (what a user waits for at
 * sign-in); {@code authors} followed users, who follow the user back, each post {@code postsPerAuthor}, the user
 * posts {@code ownPosts} on the first device, signs out there (the first device's peer stays up, as a closed window's
 * would not: its posts are at the followers), and signs in on the second.
 */
public final class LoginBenchmark {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final List<String> REAL_KDF = List.of("timeline.kdfMemoryKib=262144", "timeline.kdfIterations=3");

    private final LoginBenchOptions options;

    public LoginBenchmark(LoginBenchOptions options) {
        this.options = options;
    }

    public LoginBenchResult run() {
        Path root = tempDir();
        try (LocalNet net = LocalNet.start(3, REAL_KDF)) {
            List<TimelineService> authors = new ArrayList<>();
            for (int i = 0; i < options.authors(); i++) {
                TimelinePeer peer = net.peer(root.resolve("author" + i));
                authors.add(LocalNet.await(peer.register(String.format("author%02d", i), PASSWORD)));
            }
            TimelinePeer laptop = net.peer(root.resolve("laptop"));
            TimelineService first = LocalNet.await(laptop.register("reader", PASSWORD));
            for (TimelineService author : authors) {
                LocalNet.await(first.follow(author.user()));
                LocalNet.await(author.follow(first.user()));
            }
            List<CompletableFuture<?>> posts = new ArrayList<>();
            for (int p = 0; p < options.postsPerAuthor(); p++) {
                for (TimelineService author : authors) {
                    posts.add(author.post("post " + p + " by " + author.user()));
                }
            }
            for (int p = 0; p < options.ownPosts(); p++) {
                posts.add(first.post("own post " + p));
            }
            LocalNet.await(CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)));
            waitFor(first, options.expectedPosts(), options.authors(), options.timeoutSeconds());
            LocalNet.await(first.logout());

            TimelinePeer phone = net.peer(root.resolve("phone"));
            long start = System.nanoTime();
            TimelineService second = LocalNet.await(phone.login("reader", PASSWORD));
            double loginS = (System.nanoTime() - start) / 1e9;
            boolean done = waitFor(second, options.expectedPosts(), options.authors(), options.timeoutSeconds());
            double completeS = (System.nanoTime() - start) / 1e9;
            return new LoginBenchResult(options.authors(), options.expectedPosts(), second.timeline().get().size(),
                    second.following().get().size(), options.authors(), loginS,
                    done ? completeS : options.timeoutSeconds());
        } finally {
            deleteTree(root);
        }
    }

    /** Waits until {@code session} shows {@code posts} posts and follows {@code following} users; false on timeout. */
    private static boolean waitFor(TimelineService session, int posts, int following, int timeoutSeconds) {
        CountDownLatch latch = new CountDownLatch(1);
        Runnable check = () -> {
            if (session.timeline().get().size() >= posts && session.following().get().size() >= following) {
                latch.countDown();
            }
        };
        Subscription a = session.timeline().subscribe(t -> check.run());
        Subscription b = session.following().subscribe(f -> check.run());
        try {
            check.run();
            return latch.await(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            a.close();
            b.close();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("murmur-bench-login");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
