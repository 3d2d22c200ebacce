package murmur.timeline.post;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.TimelineException;
import murmur.timeline.records.FeedHead;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own post log. Posts are created one at a time: each takes the next sequence number and the previous
 * post's hash, is committed to disk, and only then is reported; {@code feed/<name>} is updated after.
 */
public final class OwnPosts {
    private static final Logger LOG = LoggerFactory.getLogger(OwnPosts.class);

    private final String me;
    private final SigningKey key;
    private final PostStore store;
    private final RecordWriter writer;
    private final UserDirectory users;
    private final Clock clock;
    private final PostRules rules;
    private final Duration feedTtl;
    private FeedHead head = FeedHead.EMPTY;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    public OwnPosts(String me, SigningKey key, PostStore store, RecordWriter writer, UserDirectory users, Clock clock,
            PostRules rules, Duration feedTtl) {
        this.me = me;
        this.key = key;
        this.store = store;
        this.writer = writer;
        this.users = users;
        this.clock = clock;
        this.rules = rules;
        this.feedTtl = feedTtl;
    }

    /** Learns the log's head from disk and from {@code feed/<name>} (posts made on another machine count too). */
    public synchronized CompletableFuture<FeedHead> loadHead() {
        CompletableFuture<Optional<Post>> local = store.latest(me);
        CompletableFuture<Optional<FeedHead>> remote = users.valueOf(me, Keys.feed(me), FeedHead.class, "feed/" + me)
                .exceptionally(e -> Optional.empty());
        CompletableFuture<FeedHead> loaded = local.thenCombine(remote, (l, r) -> {
            FeedHead fromDisk = l.map(p -> new FeedHead(p.seq(), p.hash())).orElse(FeedHead.EMPTY);
            return r.filter(h -> h.seq() > fromDisk.seq()).orElse(fromDisk);
        });
        tail = loaded.thenAccept(this::setHead);
        return loaded;
    }

    /**
     * Signs, stores and returns a new post; fails with {@code EMPTY_POST} or {@code POST_TOO_LONG}, or with
     * {@code STORAGE} when the store did not take it (then nothing was posted).
     */
    public synchronized CompletableFuture<Post> create(String text) {
        Optional<String> problem = rules.textProblem(text);
        if (problem.isPresent()) {
            TimelineException.Reason reason = text == null || text.isBlank()
                    ? TimelineException.Reason.EMPTY_POST : TimelineException.Reason.POST_TOO_LONG;
            return CompletableFuture.failedFuture(new TimelineException(reason, problem.get()));
        }
        CompletableFuture<Post> created = tail.handle((v, e) -> null).thenCompose(v -> {
            FeedHead h = head();
            Post post = Post.sign(key, me, h.seq() + 1, h.hash(), clock.instant(), text);
            return store.add(post, clock.millis()).thenCompose(added -> {
                if (!added) {
                    return notStored(post);
                }
                setHead(new FeedHead(post.seq(), post.hash()));
                return CompletableFuture.completedFuture(post);
            });
        });
        tail = created;
        created.thenAccept(this::publishHead);
        return created;
    }

    /**
     * The store already holds a post of this user with that number, one this log did not make: another peer wrote to
     * the same database (a second Murmur on the data directory) and the log has forked. The post is not
     * acknowledged; the head moves to what the disk holds, so that the next try follows it.
     */
    private CompletableFuture<Post> notStored(Post post) {
        LOG.warn("post {} of {} not stored: the database already holds a post with that number", post.seq(), me);
        return store.latest(me).handle((latest, e) -> {
            if (latest != null) {
                latest.ifPresent(p -> setHead(new FeedHead(p.seq(), p.hash())));
            }
            throw new TimelineException(TimelineException.Reason.STORAGE, "the post was not saved: this computer"
                    + " already holds your post #" + post.seq() + ", which this Murmur did not write (is another"
                    + " Murmur using the same data directory?). Nothing was posted; try again");
        });
    }

    /** Re-publishes {@code feed/<name>} (the empty head of a user who never posted, too), so it does not expire. */
    public CompletableFuture<Void> publishHead() {
        FeedHead h = head();
        return writer.put(Keys.feed(me), h, h.seq(), feedTtl).thenApply(r -> (Void) null);
    }

    private void publishHead(Post post) {
        publishHead().exceptionally(e -> {
            LOG.info("feed/{} not updated after post {}: {}", me, post.seq(), e.getMessage());
            return null;
        });
    }

    private synchronized FeedHead head() {
        return head;
    }

    private synchronized void setHead(FeedHead next) {
        if (next.seq() >= head.seq()) {
            head = next;
        }
    }
}
