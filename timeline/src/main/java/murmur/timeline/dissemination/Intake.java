package murmur.timeline.dissemination;

import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.post.PostIntake.Outcome;

/** Checks a post from another peer (signature, sequence) and stores it if it is new. */
@FunctionalInterface
public interface Intake {
    CompletableFuture<Outcome> accept(Post post);
}
