package murmur.timeline.dissemination;

import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake.Outcome;

/** Checks a post from another peer (signature, sequence) and stores it if it is new. */
@FunctionalInterface
public interface Intake {
    CompletableFuture<Outcome> accept(Post post);

    /**
     * Like {@link #accept(Post)}, and runs {@code checked} once the post has passed every check, before it is stored,
     * never for a post that fails one: a relay forwards then, so its children do not wait for this peer's disk. This
     * default runs it once the post is accepted; the peer's own intake runs it before its write.
     */
    default CompletableFuture<Outcome> accept(Post post, Runnable checked) {
        return accept(post).thenApply(outcome -> {
            if (outcome != Outcome.REJECTED) {
                checked.run();
            }
            return outcome;
        });
    }
}
