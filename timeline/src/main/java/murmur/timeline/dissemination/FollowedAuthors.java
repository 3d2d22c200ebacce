package murmur.timeline.dissemination;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door for pushed posts: the tree carries an author's posts to the author's followers only, so a push of a
 * post by an author the local user does not follow is refused before anything is checked or stored, and counted.
 * Without it anyone could fill this peer's disk with well-signed posts of accounts nobody here reads.
 */
final class FollowedAuthors implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(FollowedAuthors.class);

    private final Intake intake;
    private final Predicate<String> wanted;
    private final AtomicLong refused = new AtomicLong();

    FollowedAuthors(Intake intake, Predicate<String> wanted) {
        this.intake = intake;
        this.wanted = wanted;
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post) {
        return accept(post, () -> { });
    }

    @Override
    public CompletableFuture<Outcome> accept(Post post, Runnable checked) {
        if (!wanted.test(post.author())) {
            long n = refused.incrementAndGet();
            LOG.warn("refused a push of {}: nobody here follows {} ({} such pushes so far)", post, post.author(), n);
            return CompletableFuture.completedFuture(Outcome.REJECTED);
        }
        return intake.accept(post, checked);
    }

    /** Pushes refused so far. */
    long refused() {
        return refused.get();
    }
}
