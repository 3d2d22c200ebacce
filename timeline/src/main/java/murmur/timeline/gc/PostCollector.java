package murmur.timeline.gc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.post.PostStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops posts older than their lifespan: the user's own posts after {@code ownLifespan}, everyone else's after
 * {@code othersLifespan}. Runs at login and then periodically; ages are measured by the post's timestamp.
 */
public final class PostCollector {
    private static final Logger LOG = LoggerFactory.getLogger(PostCollector.class);

    private final String owner;
    private final PostStore store;
    private final Clock clock;
    private final Duration ownLifespan;
    private final Duration othersLifespan;

    public PostCollector(String owner, PostStore store, Clock clock, Duration ownLifespan, Duration othersLifespan) {
        this.owner = owner;
        this.store = store;
        this.clock = clock;
        this.ownLifespan = ownLifespan;
        this.othersLifespan = othersLifespan;
    }

    /** Deletes what has expired; completes with how many posts went. */
    public CompletableFuture<Integer> collect() {
        Instant now = clock.instant();
        return store.dropOlderThan(owner, now.minus(ownLifespan).toEpochMilli(),
                now.minus(othersLifespan).toEpochMilli()).thenApply(dropped -> {
                    if (dropped > 0) {
                        LOG.info("collected {} expired posts", dropped);
                    }
                    return dropped;
                });
    }
}
