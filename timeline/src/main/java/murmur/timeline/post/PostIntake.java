package murmur.timeline.post;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where posts from other peers come in: each is checked against its author's pinned key and {@link PostRules}
 * before it is stored; a duplicate (same author and sequence number) is recognised and not stored twice.
 */
public final class PostIntake {
    private static final Logger LOG = LoggerFactory.getLogger(PostIntake.class);

    /** What became of a received post. */
    public enum Outcome {
        STORED,
        DUPLICATE,
        REJECTED
    }

    private final UserDirectory users;
    private final PostRules rules;
    private final PostStore store;
    private final Clock clock;
    private final Runnable onStored;

    public PostIntake(UserDirectory users, PostRules rules, PostStore store, Clock clock, Runnable onStored) {
        this.users = users;
        this.rules = rules;
        this.store = store;
        this.clock = clock;
        this.onStored = onStored;
    }

    public CompletableFuture<Outcome> accept(Post post) {
        return users.publicKey(post.author()).exceptionally(e -> {
            LOG.info("cannot look up {}'s key: {}", post.author(), e.getMessage());
            return Optional.empty();
        }).thenCompose(key -> {
            Optional<String> problem = key.isEmpty() ? Optional.of("unknown author")
                    : rules.problem(post, key.get(), clock.instant());
            if (problem.isPresent()) {
                LOG.warn("dropped {}: {}", post, problem.get());
                return CompletableFuture.completedFuture(Outcome.REJECTED);
            }
            return store.add(post, clock.millis()).thenApply(added -> {
                LOG.debug("{} {}", post, added ? "stored" : "held already");
                if (added) {
                    onStored.run();
                }
                return added ? Outcome.STORED : Outcome.DUPLICATE;
            });
        });
    }
}
