package murmur.timeline.post;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.timeline.TimelineException;
import murmur.timeline.records.FeedHead;
import murmur.timeline.records.Keys;
import murmur.timeline.records.MergedRecord;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This device's post log of the user. Posts are created one at a time: each takes the next sequence number of this
 * device's log and the previous post's hash, is signed with the device key, committed to disk, and only then is
 * reported. {@code feed/<name>} is updated after, by read-merge-write, so the heads the account's other devices
 * wrote stay in it. Every device writes only its own log, so two devices posting at once never fork a log.
 */
public final class OwnPosts {
    private static final Logger LOG = LoggerFactory.getLogger(OwnPosts.class);

    private final String me;
    private final String device;
    private final SigningKey deviceKey;
    private final PostStore store;
    private final MergedRecord<FeedHead> feed;
    private final Clock clock;
    private final PostRules rules;
    private Head head = Head.EMPTY;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> publishing = CompletableFuture.completedFuture(null);
    private boolean publishAgain;

    /**
     * @param writer signs with the account key: {@code feed/<name>} is the account's record
     */
    public OwnPosts(String me, String device, SigningKey deviceKey, PostStore store, RecordWriter writer, Clock clock,
            PostRules rules, Duration feedTtl) {
        this.me = me;
        this.device = device;
        this.deviceKey = deviceKey;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.feed = new MergedRecord<>(writer, Keys.feed(me), FeedHead.class, "feed/" + me, FeedHead.EMPTY, feedTtl,
                h -> h, FeedHead::sameHeads);
    }

    /** The head of one log: its highest sequence number and that post's hash. */
    private record Head(long seq, byte[] hash) {
        static final Head EMPTY = new Head(0, new byte[Post.HASH_BYTES]);

        static Head of(Post post) {
            return new Head(post.seq(), post.hash());
        }
    }

    /**
     * Learns this device's head from disk and from {@code feed/<name>} (should the disk have lost posts the
     * followers hold, the log goes on after them instead of forking).
     */
    public synchronized CompletableFuture<Void> loadHead() {
        CompletableFuture<Optional<Post>> local = store.latest(me, device);
        CompletableFuture<Optional<FeedHead.DeviceHead>> remote = feed.read()
                .thenApply(f -> f.value().devices().stream().filter(d -> d.device().equals(device)).findFirst())
                .exceptionally(e -> Optional.empty());
        CompletableFuture<Void> loaded = local.thenCombine(remote, (l, r) -> {
            Head fromDisk = l.map(Head::of).orElse(Head.EMPTY);
            return r.filter(h -> h.seq() > fromDisk.seq()).map(h -> new Head(h.seq(), h.hash())).orElse(fromDisk);
        }).thenAccept(this::setHead);
        tail = loaded;
        return loaded;
    }

    /**
     * Signs, stores and returns a new post; fails with {@code EMPTY_POST} or {@code POST_TOO_LONG}, or with
     * {@code STORAGE} when the store did not take it (then nothing was posted).
     */
    public CompletableFuture<Post> create(String text) {
        return create(text, null);
    }

    /** As {@link #create(String)}, for a reply to {@code parent}. */
    public CompletableFuture<Post> reply(Post parent, String text) {
        return create(text, PostRef.to(PostRef.Kind.REPLY, parent));
    }

    /**
     * Passes {@code post} on to this user's followers as it is, carried in a repost; a repost of a repost passes on
     * the post first reposted. Fails with {@code NOTHING_TO_REPOST} for a delete or a repost whose original is gone.
     */
    public CompletableFuture<Post> repost(Post post) {
        return original(post).map(o -> append("", PostRef.to(PostRef.Kind.REPOST, o)))
                .orElseGet(() -> nothingToPassOn(post));
    }

    /** A post of this user's with {@code text}, showing {@code post} beneath it (the original, for a repost). */
    public CompletableFuture<Post> quote(Post post, String text) {
        return original(post).map(o -> create(text, PostRef.to(PostRef.Kind.QUOTE, o)))
                .orElseGet(() -> nothingToPassOn(post));
    }

    /** What a repost or quote of {@code post} carries: its subject, unless that is a delete or a gone original. */
    private static Optional<Post> original(Post post) {
        Post subject = post.subject();
        return subject.isDelete() || subject.isRepost() ? Optional.empty() : Optional.of(subject);
    }

    private static CompletableFuture<Post> nothingToPassOn(Post post) {
        return CompletableFuture.failedFuture(new TimelineException(TimelineException.Reason.NOTHING_TO_REPOST,
                post.isDelete() ? "a delete cannot be reposted" : "the reposted post was deleted"));
    }

    /**
     * Signs and stores a delete of {@code target}, one of the user's posts from any of their devices: its text is
     * dropped here at once, and the delete travels to the followers like a post. Fails with {@code NOT_YOUR_POST}.
     */
    public synchronized CompletableFuture<Post> delete(Post target) {
        if (!target.author().equals(me)) {
            return CompletableFuture.failedFuture(new TimelineException(TimelineException.Reason.NOT_YOUR_POST,
                    "only " + target.author() + " can delete their post"));
        }
        return append("", PostRef.to(PostRef.Kind.DELETE, target));
    }

    private synchronized CompletableFuture<Post> create(String text, PostRef ref) {
        Optional<String> problem = rules.textProblem(text);
        if (problem.isPresent()) {
            TimelineException.Reason reason = text == null || text.isBlank()
                    ? TimelineException.Reason.EMPTY_POST : TimelineException.Reason.POST_TOO_LONG;
            return CompletableFuture.failedFuture(new TimelineException(reason, problem.get()));
        }
        return append(text, ref);
    }

    private synchronized CompletableFuture<Post> append(String text, PostRef ref) {
        CompletableFuture<Post> created = tail.handle((v, e) -> null).thenCompose(v -> {
            Head h = head();
            Post post = Post.sign(deviceKey, me, device, h.seq() + 1, h.hash(), clock.instant(), text, ref);
            return store.add(post, clock.millis()).thenCompose(added -> {
                if (!added) {
                    return notStored(post);
                }
                setHead(Head.of(post));
                return CompletableFuture.completedFuture(post);
            });
        });
        tail = created;
        created.thenAccept(this::publishHead);
        return created;
    }

    /**
     * The store already holds a post of this device's log with that number, one this log did not make: another
     * peer wrote to the same database (a second Murmur on the data directory). The post is not acknowledged; the
     * head moves to what the disk holds, so that the next try follows it.
     */
    private CompletableFuture<Post> notStored(Post post) {
        LOG.warn("post {} of {} not stored: the database already holds a post with that number", post.seq(), me);
        return store.latest(me, device).handle((latest, e) -> {
            if (latest != null) {
                latest.ifPresent(p -> setHead(Head.of(p)));
            }
            throw new TimelineException(TimelineException.Reason.STORAGE, "the post was not saved: this computer"
                    + " already holds your post #" + post.seq() + ", which this Murmur did not write (is another"
                    + " Murmur using the same data directory?). Nothing was posted; try again");
        });
    }

    /**
     * Re-publishes {@code feed/<name>} with this device's head merged in (the empty head of a user who never posted,
     * too), so it does not expire.
     */
    public CompletableFuture<Void> publishHead() {
        return feed.refresh(this::withMyHead).thenApply(f -> (Void) null);
    }

    private FeedHead withMyHead(FeedHead read) {
        Head h = head();
        return h.seq() == 0 ? read : read.with(device, h.seq(), h.hash());
    }

    /** After a post: one merge at a time; posts made meanwhile are covered by one more merge after it. */
    private void publishHead(Post post) {
        synchronized (this) {
            if (!publishing.isDone()) {
                publishAgain = true;
                return;
            }
            publishing = feed.change(this::withMyHead).handle((f, e) -> {
                if (e != null) {
                    LOG.info("feed/{} not updated after post {}: {}", me, post.seq(), e.getMessage());
                }
                return null;
            });
            publishing.thenRun(() -> {
                boolean again;
                synchronized (this) {
                    again = publishAgain;
                    publishAgain = false;
                }
                if (again) {
                    publishHead(post);
                }
            });
        }
    }

    private synchronized Head head() {
        return head;
    }

    private synchronized void setHead(Head next) {
        if (next.seq() >= head.seq()) {
            head = next;
        }
    }
}
