package murmur.timeline.dissemination;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.post.PostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The peer's intake: the {@link SequenceRule} against the posts on disk, then {@link PostIntake}'s checks. */
final class CheckedIntake implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(CheckedIntake.class);

    private final PostStore store;
    private final PostIntake intake;

    CheckedIntake(PostStore store, PostIntake intake) {
        this.store = store;
        this.intake = intake;
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post) {
        return accept(post, () -> { });
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post, Runnable checked) {
        return store.after(post.author(), post.device(), Math.max(0, post.seq() - 2), 3).thenCompose(held -> {
            Optional<String> problem = SequenceRule.problem(post, held);
            if (problem.isPresent()) {
                LOG.warn("dropped {}: {}", post, problem.get());
                return CompletableFuture.completedFuture(Outcome.REJECTED);
            }
            return intake.accept(post, checked);
        });
    }
}
