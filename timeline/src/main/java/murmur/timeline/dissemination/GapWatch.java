package murmur.timeline.dissemination;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.post.PostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a hole in one of an author's logs as soon as a pushed post lands after it (post 7 arrives while 5 is
 * missing, or 2 while 1 of a young log is) and catches up on that author then, instead of waiting for the next
 * login. One catch-up per log at a time, and the pause below is per log too. Each
 * catch-up is bounded ({@link CatchUp.Limits}); when one leaves the hole open (a log that jumps from #1 to
 * #1,000,000), the next waits at least {@link #PAUSE}, so pushing again cannot make this peer fetch slice after
 * slice without rest. Holes seen during the pause are counted ({@link #paced()}) and wait for a later push or login.
 */
final class GapWatch implements Intake {
    /** The least time between two catch-ups on one log's holes. */
    static final Duration PAUSE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(GapWatch.class);
    private static final int MAX_REMEMBERED = 10_000;

    private final Intake intake;
    private final PostStore store;
    private final Supplier<Optional<String>> localUser;
    private final BiFunction<String, Set<String>, CompletableFuture<Integer>> catchUp;
    private final Set<String> filling = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastStarted = new ConcurrentHashMap<>();
    private final AtomicLong paced = new AtomicLong();
    private final Clock clock;

    GapWatch(Intake intake, PostStore store, Supplier<Optional<String>> localUser,
            BiFunction<String, Set<String>, CompletableFuture<Integer>> catchUp, Clock clock) {
        this.clock = clock;
        this.intake = intake;
        this.store = store;
        this.localUser = localUser;
        this.catchUp = catchUp;
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post) {
        return accept(post, () -> { });
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post, Runnable checked) {
        return intake.accept(post, checked).thenApply(outcome -> {
            if (outcome == Outcome.STORED) {
                store.contiguousSeq(post.author(), post.device()).thenAccept(run -> {
                    if (run < post.seq()) {
                        fill(post.author(), post.device(), run, post.seq());
                    }
                });
            }
            return outcome;
        });
    }

    private void fill(String author, String device, long run, long arrived) {
        Optional<String> me = localUser.get();
        String log = author + "/" + device;
        if (me.isEmpty() || !filling.add(log)) {
            return;
        }
        long now = clock.millis();
        Long last = lastStarted.get(log);
        if (last != null && now - last < PAUSE.toMillis()) {
            filling.remove(log);
            paced.incrementAndGet();
            LOG.debug("{}'s log has a hole after #{}; the last catch-up on it was under {} ago", author, run, PAUSE);
            return;
        }
        if (lastStarted.size() > MAX_REMEMBERED) {
            lastStarted.clear();
        }
        lastStarted.put(log, now);
        LOG.info("{}'s log of device {} has a hole after #{} (#{} arrived); fetching what is missing", author, device,
                run, arrived);
        catchUp.apply(me.get(), Set.of(author)).whenComplete((n, e) -> store.contiguousSeq(author, device)
                .whenComplete((held, f) -> {
                    if (held != null && held >= arrived) {
                        lastStarted.remove(log, now);
                    }
                    filling.remove(log);
                }));
    }

    /** Holes not filled at once because the author's last catch-up was too recent. */
    long paced() {
        return paced.get();
    }
}
