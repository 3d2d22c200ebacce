package murmur.timeline.post;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where posts from other peers come in: each is checked against the key of its device, which the author's pinned
 * account key certifies ({@link DeviceKeys}; the account key itself for the legacy log), and {@link PostRules}
 * before it is stored, and so is the post a repost or quote carries, against its own author's keys (a repost of a
 * forged post is dropped whole); a post dated after its device was revoked is refused; a duplicate (same author,
 * device and sequence number) is recognised and not stored twice.
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
    private final DeviceKeys devices;

    public PostIntake(UserDirectory users, PostRules rules, PostStore store, Clock clock, Runnable onStored) {
        this.users = users;
        this.devices = new DeviceKeys(users, clock);
        this.rules = rules;
        this.store = store;
        this.clock = clock;
        this.onStored = onStored;
    }

    public CompletableFuture<Outcome> accept(Post post) {
        return accept(post, () -> { });
    }

    /**
     * Like {@link #accept(Post)}, and runs {@code checked} once the post (and the post it carries) passed every check,
     * before the write: whoever passes the post on need not wait for this peer's disk. Never for a refused post.
     */
    public CompletableFuture<Outcome> accept(Post post, Runnable checked) {
        Post original = post.ref() == null ? null : post.ref().original();
        CompletableFuture<Optional<String>> carried = original == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : problem(original).thenApply(p -> p.map(why -> "the post it carries, " + original + ": " + why));
        return problem(post).thenCombine(carried, (own, ofCarried) -> own.or(() -> ofCarried)).thenCompose(problem -> {
            if (problem.isPresent()) {
                LOG.warn("dropped {}: {}", post, problem.get());
                return CompletableFuture.completedFuture(Outcome.REJECTED);
            }
            checked.run();
            return store.add(post, clock.millis()).thenApply(added -> {
                LOG.debug("{} {}", post, added ? "stored" : "held already");
                if (added) {
                    onStored.run();
                }
                return added ? Outcome.STORED : Outcome.DUPLICATE;
            });
        });
    }

    /** Why {@code post} must be dropped, as its signer's key and {@link PostRules} say, if it must. */
    private CompletableFuture<Optional<String>> problem(Post post) {
        return signerKey(post).thenApply(key -> key.problem() != null ? Optional.of(key.problem())
                : rules.problem(post, key.publicKey(), clock.instant()));
    }

    /** The key a post must be signed with, or why there is none it may be signed with. */
    private record Signer(byte[] publicKey, String problem) {}

    /**
     * The account key for the legacy log; otherwise the device key that {@code devices/<author>} certifies, if the
     * device was not revoked before the post was written. Both rest on the author's pinned account key.
     */
    private CompletableFuture<Signer> signerKey(Post post) {
        CompletableFuture<Optional<byte[]>> account = users.publicKey(post.author()).exceptionally(e -> {
            LOG.info("cannot look up {}'s key: {}", post.author(), e.getMessage());
            return Optional.empty();
        });
        return account.thenCompose(key -> {
            if (key.isEmpty()) {
                return CompletableFuture.completedFuture(new Signer(null, "unknown author"));
            }
            if (post.legacy()) {
                return CompletableFuture.completedFuture(new Signer(key.get(), null));
            }
            return devices.entry(post.author(), post.device(), post.timestampMillis()).thenApply(entry -> {
                if (entry.isEmpty()) {
                    return new Signer(null, post.author() + " lists no device " + post.device());
                }
                if (entry.get().revoked() && post.timestampMillis() >= entry.get().revokedAtMillis()) {
                    return new Signer(null, "it is dated after its device " + post.device() + " was revoked");
                }
                return new Signer(entry.get().publicKey(), null);
            });
        });
    }
}
