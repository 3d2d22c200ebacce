package murmur.timeline.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import murmur.dht.node.DhtNode;
import murmur.dht.SetEntry;
import murmur.timeline.Notification;
import murmur.timeline.Post;
import murmur.timeline.TimelineException;
import murmur.timeline.UserName;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.identity.WriterChecks;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.post.Likes;
import murmur.timeline.post.PostStore;
import murmur.timeline.records.InboxValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.NotificationValue;
import murmur.timeline.records.PostNoticeValue;
import murmur.timeline.records.RecordJson;
import murmur.timeline.records.RecordWriter;
import murmur.timeline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's notifications. At login it reads {@code notifications/<name>}, keeps the events newer than what
 * {@code inbox/<name>} says was already seen, and moves that mark forward ("clears" them: only their writers may
 * delete entries). While online, signed notices arrive directly. Every event must be signed by its sender's key.
 * An event dated further ahead than {@code maxFutureSkew} is dropped and counted, and the "seen until" mark never
 * moves past now plus that skew: one notice dated 2100 would otherwise hide every later one. A mark already beyond
 * it (written before this rule) is not believed.
 */
public final class Inbox {
    /** Notices about posts one sender may send in {@link #CAP_WINDOW}; the rest are dropped and counted. */
    public static final int NOTICES_PER_SENDER = 30;
    public static final Duration CAP_WINDOW = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final int SHOWN = 200;

    private final String me;
    private final DhtNode dht;
    private final UserDirectory users;
    private final RecordWriter writer;
    private final NotificationStore store;
    private final Duration ttl;
    private final Clock clock;
    private final Duration maxFutureSkew;
    private final AtomicLong futureDated = new AtomicLong();
    private final AtomicLong fromBlocked = new AtomicLong();
    private final SenderCaps caps;
    private final Likes likes;
    private volatile Predicate<String> blocked = name -> false;
    private volatile Runnable onLikes = () -> { };
    private final LiveValue<List<Notification>> list = new LiveValue<>(List.of());
    private final LiveValue<Integer> unread = new LiveValue<>(0);
    private volatile CompletableFuture<Void> clearing = CompletableFuture.completedFuture(null);
    private volatile Consumer<Notification> onNewReply = n -> { };

    public Inbox(String me, DhtNode dht, UserDirectory users, RecordWriter writer, Database db, Likes likes,
            Duration ttl, Clock clock, Duration maxFutureSkew) {
        this.me = me;
        this.dht = dht;
        this.users = users;
        this.writer = writer;
        this.store = new NotificationStore(db);
        this.ttl = ttl;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.likes = likes;
        this.caps = new SenderCaps(NOTICES_PER_SENDER, CAP_WINDOW, clock);
    }

    /** Notices from the users {@code blocked} names are dropped (and counted), whatever they are about. */
    public void refuseFrom(Predicate<String> blocked) {
        this.blocked = blocked;
    }

    /** Called after a like or unlike of this user's posts was recorded; keep it quick. */
    public void onLikes(Runnable listener) {
        this.onLikes = listener;
    }

    /** Notices dropped because their sender is blocked here. */
    public long fromBlocked() {
        return fromBlocked.get();
    }

    /** Notices about posts dropped because their sender sent more than {@link #NOTICES_PER_SENDER} lately. */
    public long overCap() {
        return caps.refused();
    }

    /**
     * Called once with each new reply notice stored here (the replier's post is not held yet: fetch it, so the
     * replied-to post's thread shows it); keep it quick.
     */
    public void onNewReply(Consumer<Notification> listener) {
        this.onNewReply = listener;
    }

    /** How many notifications were dropped for being dated too far in the future. */
    public long futureDated() {
        return futureDated.get();
    }

    public Live<List<Notification>> notifications() {
        return list;
    }

    public Live<Integer> unread() {
        return unread;
    }

    /** Shows what is on disk, then fetches what happened while away and clears it in the DHT. */
    public CompletableFuture<Void> loadAtLogin() {
        return refresh().thenCompose(v -> users.valueOf(me, Keys.inbox(me), InboxValue.class, "inbox/" + me))
                .thenApply(inbox -> believable(inbox.map(InboxValue::clearedUntilMillis).orElse(0L)))
                .thenCompose(cleared -> dht.entries(Keys.notifications(me))
                        .thenCompose(entries -> accept(entries, cleared, true)))
                .thenCompose(newest -> {
                    clearing = clearUntil(newest);
                    return refresh();
                });
    }

    /**
     * Reads {@code notifications/<me>} again while the user is online: a notice whose direct delivery failed (this
     * peer's presence was not yet visible to the sender, say) shows within one poll instead of at the next login.
     */
    public CompletableFuture<Void> poll() {
        return clearing.thenCompose(v -> users.valueOf(me, Keys.inbox(me), InboxValue.class, "inbox/" + me))
                .thenApply(inbox -> believable(inbox.map(InboxValue::clearedUntilMillis).orElse(0L)))
                .thenCompose(cleared -> dht.entries(Keys.notifications(me))
                        .thenCompose(entries -> accept(entries, cleared, false))
                        .thenCompose(newest -> {
                            if (newest > cleared) {
                                clearing = clearUntil(newest);
                            }
                            return refresh();
                        }));
    }

    /** A notice sent directly by its signer while this user is online; false when it is not genuine. */
    public CompletableFuture<Boolean> receiveDirect(SetEntry entry) {
        if (!entry.setKey().equals(Keys.notifications(me)) || entry.tombstone() || !entry.signatureValid()) {
            return CompletableFuture.completedFuture(false);
        }
        return verified(entry).thenCompose(n -> n.isEmpty() ? CompletableFuture.completedFuture(false)
                : take(n.get()).thenCompose(added -> refresh().thenApply(v -> true)));
    }

    /** Completes when the last "seen until" mark has been written (or failed to be). */
    public CompletableFuture<Void> settled() {
        return clearing;
    }

    public CompletableFuture<Void> markRead() {
        return store.markRead(me).thenCompose(n -> refresh());
    }

    /**
     * Stores the genuine events among {@code entries} newer than {@code cleared}; returns the newest instant seen.
     * Checking senders costs a bounded number of account lookups per read ({@link WriterChecks}).
     */
    private CompletableFuture<Long> accept(List<SetEntry> entries, long cleared, boolean whileAway) {
        WriterChecks checks = users.writerChecks();
        List<WriterChecks.Claim> claims = new ArrayList<>();
        Map<SetEntry, Notification> decoded = new IdentityHashMap<>();
        for (SetEntry e : entries) {
            if (e.tombstone() || checks.refusedLately(e)) {
                continue;
            }
            decode(e).ifPresent(n -> {
                claims.add(new WriterChecks.Claim(n.from(), e));
                decoded.put(e, n);
            });
        }
        return checks.genuine(claims, "notifications/" + me).thenCompose(genuine -> {
            List<CompletableFuture<Long>> each = new ArrayList<>();
            for (WriterChecks.Claim c : genuine) {
                Notification n = decoded.get(c.entry());
                if (n.at().toEpochMilli() <= cleared) {
                    continue;
                }
                Notification away = n.whileAway(whileAway);
                each.add(take(away).thenApply(added -> away.at().toEpochMilli()).exceptionally(x -> 0L));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(v -> each.stream()
                    .mapToLong(CompletableFuture::join).reduce(cleared, Math::max));
        });
    }

    /**
     * A genuine notice: dropped when its sender is blocked or, for one about a post, over the cap; a like or an
     * unlike is counted; all but an unlike are stored. True when it was stored as new.
     */
    private CompletableFuture<Boolean> take(Notification n) {
        if (blocked.test(n.from())) {
            fromBlocked.incrementAndGet();
            LOG.info("dropped a {} notice from {}, who is blocked here", n.kind(), n.from());
            return CompletableFuture.completedFuture(false);
        }
        if (n.kind().aboutPost() && !caps.allow(n.from())) {
            LOG.warn("dropped a {} notice from {}: more than {} in {}", n.kind(), n.from(), NOTICES_PER_SENDER,
                    CAP_WINDOW);
            return CompletableFuture.completedFuture(false);
        }
        boolean like = n.kind() == Notification.Kind.LIKE || n.kind() == Notification.Kind.UNLIKE;
        CompletableFuture<Boolean> counted = !like ? CompletableFuture.completedFuture(false)
                : likes.record(me, new PostStore.Place(me, n.postDevice(), n.postSeq()), n.from(),
                        n.kind() == Notification.Kind.LIKE, n.at().toEpochMilli());
        return counted.thenCompose(changed -> {
            if (changed) {
                onLikes.run();
            }
            return n.kind() == Notification.Kind.UNLIKE ? CompletableFuture.completedFuture(false)
                    : store.add(me, n).thenApply(added -> {
                        replied(n, added);
                        return added;
                    });
        });
    }

    private void replied(Notification n, boolean added) {
        if (added && n.kind() == Notification.Kind.REPLY) {
            try {
                onNewReply.accept(n);
            } catch (RuntimeException e) {
                LOG.warn("reply listener failed on {}: {}", n, e.toString());
            }
        }
    }

    /** The latest instant an event or the "seen until" mark may carry now. */
    private long latestAllowed() {
        return clock.millis() + maxFutureSkew.toMillis();
    }

    /** The "seen until" mark as read; one beyond {@link #latestAllowed()} was poisoned, so nothing counts as seen. */
    private long believable(long cleared) {
        if (cleared > latestAllowed()) {
            LOG.warn("inbox/{} says seen until {}, which is in the future; showing every notification again", me,
                    Instant.ofEpochMilli(cleared));
            return 0L;
        }
        return cleared;
    }

    private CompletableFuture<Void> clearUntil(long newest) {
        return writer.put(Keys.inbox(me), new InboxValue(Math.min(newest, latestAllowed())), ttl).handle((r, e) -> {
            if (e != null) {
                LOG.info("inbox/{} not updated: {}", me, e.getMessage());
            }
            return null;
        });
    }

    private CompletableFuture<Optional<Notification>> verified(SetEntry entry) {
        Optional<Notification> decoded = decode(entry);
        if (decoded.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Notification n = decoded.get();
        return users.publicKey(n.from()).thenApply(key -> {
            if (key.isEmpty() || !Arrays.equals(key.get(), entry.writer())) {
                LOG.warn("dropped a notification claiming to be from {}: not signed by their key", n.from());
                return Optional.empty();
            }
            return Optional.of(n);
        });
    }

    /** The event an entry holds, unchecked for its signer; empty (and logged) when malformed or future-dated. */
    private Optional<Notification> decode(SetEntry entry) {
        NotificationValue v;
        Notification.Kind kind;
        try {
            v = RecordJson.decode(entry.value(), NotificationValue.class, "a notification for " + me);
            kind = Notification.Kind.valueOf(v.kind());
            if (!UserName.isValid(v.from())) {
                throw new IllegalArgumentException("bad sender name");
            }
        } catch (TimelineException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("dropped a malformed notification for {}: {}", me, e.getMessage());
            users.writerChecks().refuse(entry);
            return Optional.empty();
        }
        if (v.atMillis() > latestAllowed()) {
            futureDated.incrementAndGet();
            LOG.warn("dropped a notification for {} from {} dated {}: in the future", me, v.from(),
                    Instant.ofEpochMilli(v.atMillis()));
            return Optional.empty();
        }
        Notification n = new Notification(kind, v.from(), Instant.ofEpochMilli(v.atMillis()), false);
        return kind.aboutPost() ? aboutPost(entry, n) : Optional.of(n);
    }

    /** A notice about a post: the post's place and opening words, checked for shape. */
    private Optional<Notification> aboutPost(SetEntry entry, Notification n) {
        try {
            PostNoticeValue p = RecordJson.decode(entry.value(), PostNoticeValue.class, "a notice for " + me);
            if (!Post.isDeviceId(p.device()) || p.seq() < 1
                    || p.excerpt().codePointCount(0, p.excerpt().length()) > PostNotices.EXCERPT_CHARS) {
                throw new IllegalArgumentException("bad post in a " + n.kind() + " notice");
            }
            return Optional.of(new Notification(n.kind(), n.from(), n.at(), false, p.excerpt(), p.device(),
                    p.seq()));
        } catch (TimelineException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("dropped a malformed notification for {}: {}", me, e.getMessage());
            users.writerChecks().refuse(entry);
            return Optional.empty();
        }
    }

    /** Lists the notifications on disk again (after a mute or an unmute, say). */
    public CompletableFuture<Void> reload() {
        return refresh();
    }

    private CompletableFuture<Void> refresh() {
        return store.list(me, SHOWN).thenCombine(store.unread(me), (l, u) -> {
            list.set(List.copyOf(l));
            unread.set(u);
            return null;
        });
    }
}
