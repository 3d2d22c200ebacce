package murmur.timeline.dissemination;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.post.PostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a hole in an author's log as soon as a pushed post lands after it (post 7 arrives while 5 is missing) and
 * catches up on that author then, instead of waiting for the next login. One catch-up per author at a time.
 */
final class GapWatch implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(GapWatch.class);

    private final Intake intake;
    private final PostStore store;
    private final Supplier<Optional<String>> localUser;
    private final BiFunction<String, Set<String>, CompletableFuture<Integer>> catchUp;
    private final Set<String> filling = ConcurrentHashMap.newKeySet();

    GapWatch(Intake intake, PostStore store, Supplier<Optional<String>> localUser,
            BiFunction<String, Set<String>, CompletableFuture<Integer>> catchUp) {
        this.intake = intake;
        this.store = store;
        this.localUser = localUser;
        this.catchUp = catchUp;
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post) {
        return intake.accept(post).thenApply(outcome -> {
            if (outcome == Outcome.STORED) {
                store.contiguousSeq(post.author()).thenAccept(run -> {
                    if (run < post.seq()) {
                        fill(post.author(), run, post.seq());
                    }
                });
            }
            return outcome;
        });
    }

    private void fill(String author, long run, long arrived) {
        Optional<String> me = localUser.get();
        if (me.isEmpty() || !filling.add(author)) {
            return;
        }
        LOG.info("{}'s log has a hole after #{} (#{} arrived); fetching what is missing", author, run, arrived);
        catchUp.apply(me.get(), Set.of(author)).whenComplete((n, e) -> filling.remove(author));
    }
}
