package murmur.timeline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import murmur.timeline.Post;
import murmur.timeline.dissemination.Intake;
import murmur.timeline.dissemination.SequenceRule;
import murmur.timeline.post.PostIntake.Outcome;

/** One author's log in memory, taking posts through the same checks as a peer: signature, then sequence. */
public final class MemoryLog implements Intake {
    private final byte[] authorKey;
    private final Map<Long, Post> posts = new ConcurrentHashMap<>();

    public MemoryLog(byte[] authorKey) {
        this.authorKey = authorKey.clone();
    }

    @Override
    public synchronized CompletableFuture<Outcome> accept(Post post) {
        if (!post.verifies(authorKey)) {
            return CompletableFuture.completedFuture(Outcome.REJECTED);
        }
        List<Post> neighbours = new ArrayList<>(3);
        for (long s = post.seq() - 1; s <= post.seq() + 1; s++) {
            Optional.ofNullable(posts.get(s)).ifPresent(neighbours::add);
        }
        if (SequenceRule.problem(post, neighbours).isPresent()) {
            return CompletableFuture.completedFuture(Outcome.REJECTED);
        }
        Outcome outcome = posts.putIfAbsent(post.seq(), post) == null ? Outcome.STORED : Outcome.DUPLICATE;
        return CompletableFuture.completedFuture(outcome);
    }

    public boolean has(long seq) {
        return posts.containsKey(seq);
    }
}
