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
 * before it is stored; a post dated after its device was revoked is refused; a duplicate (same author, device and
 * sequence number) is recognised and not stored twice.
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
        return signerKey(post).thenCompose(key -> {
            Optional<String> problem = key.problem() != null ? Optional.of(key.problem())
                    : rules.problem(post, key.publicKey(), clock.instant());
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
