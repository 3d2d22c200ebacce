package murmur.timeline.follow;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import murmur.dht.node.DhtNode;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.timeline.Notification;
import murmur.timeline.TimelineException;
import murmur.timeline.UserName;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.records.FollowerEntryValue;
import murmur.timeline.records.FollowingValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.NotificationValue;
import murmur.timeline.records.RecordJson;
import murmur.timeline.records.RecordWriter;
import murmur.timeline.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's follows. A change is committed to disk first, then published: {@code following/<me>}, the user's
 * signed entry in {@code followers/<target>}, an event in {@code notifications/<target>}, and a direct notice when
 * the target is online. At login the newer of the disk copy and the DHT copy wins and the other is brought up to date.
 */
public final class FollowBook {
    private static final Logger LOG = LoggerFactory.getLogger(FollowBook.class);

    private final String me;
    private final byte[] myKey;
    private final DhtNode dht;
    private final UserDirectory users;
    private final RecordWriter writer;
    private final FollowStore store;
    private final Duration ttl;
    private final Clock clock;
    private final FollowNotifier notifier;
    private final LiveValue<Set<String>> following = new LiveValue<>(Set.of());
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private long seq;

    public FollowBook(String me, byte[] myKey, DhtNode dht, UserDirectory users, RecordWriter writer, Database db,
            Duration ttl, Clock clock, FollowNotifier notifier) {
        this.me = me;
        this.myKey = myKey.clone();
        this.dht = dht;
        this.users = users;
        this.writer = writer;
        this.store = new FollowStore(db);
        this.ttl = ttl;
        this.clock = clock;
        this.notifier = notifier;
    }

    public Live<Set<String>> following() {
        return following;
    }

    /** Reconciles disk and DHT, then refreshes the user's entries in the followees' sets so they do not expire. */
    public synchronized CompletableFuture<Set<String>> load() {
        CompletableFuture<Set<String>> loaded = store.following(me).thenCombine(store.seq(me), Local::new)
                .thenCombine(dht.get(Keys.following(me)).exceptionally(e -> Optional.empty()), this::reconcile)
                .thenCompose(f -> f);
        tail = loaded;
        loaded.thenAccept(names -> names.forEach(n -> writer.putEntry(Keys.followers(n),
                new FollowerEntryValue(me), ttl).exceptionally(e -> null)));
        return loaded;
    }

    public CompletableFuture<Void> follow(String target) {
        return change(target, true);
    }

    public CompletableFuture<Void> unfollow(String target) {
        return change(target, false);
    }

    /**
     * Takes in a change another device of the account made: a {@code following/<name>} newer than the list held
     * here replaces it. Runs before every follow and unfollow too, so a change made here keeps the other device's.
     */
    public synchronized CompletableFuture<Set<String>> sync() {
        CompletableFuture<Set<String>> synced = tail.handle((v, e) -> null).thenCompose(v -> newer());
        tail = synced;
        return synced;
    }

    private CompletableFuture<Set<String>> newer() {
        return dht.get(Keys.following(me)).exceptionally(e -> Optional.empty()).thenCompose(remote -> {
            Optional<OwnedRecord> mine = remote.filter(r -> Arrays.equals(r.owner(), myKey) && r.signatureValid()
                    && r.seq() > currentSeq());
            if (mine.isEmpty()) {
                return CompletableFuture.completedFuture(following.get());
            }
            Set<String> names;
            try {
                names = new TreeSet<>(RecordJson.decode(mine.get().value(), FollowingValue.class, "following/" + me)
                        .names().stream().filter(UserName::isValid).toList());
            } catch (TimelineException e) {
                LOG.warn("{}", e.getMessage());
                return CompletableFuture.completedFuture(following.get());
            }
            names.remove(me);
            long seq = mine.get().seq();
            return store.replace(me, names, seq).thenApply(x -> adopt(names, seq));
        });
    }

    private synchronized CompletableFuture<Void> change(String target, boolean add) {
        CompletableFuture<Void> done = tail.handle((v, e) -> null).thenCompose(v -> newer())
                .thenCompose(v -> check(target, add))
                .thenCompose(v -> commit(target, add))
                .thenCompose(v -> publish(target, add));
        tail = done;
        return done;
    }

    private CompletableFuture<Void> check(String target, boolean add) {
        new UserName(target);
        if (target.equals(me)) {
            return CompletableFuture.failedFuture(new TimelineException(TimelineException.Reason.CANNOT_FOLLOW_SELF,
                    "you cannot follow yourself"));
        }
        if (!add) {
            return CompletableFuture.completedFuture(null);
        }
        return users.publicKey(target).thenAccept(key -> {
            if (key.isEmpty()) {
                throw new TimelineException(TimelineException.Reason.UNKNOWN_USER, "there is no user '" + target + "'");
            }
        });
    }

    private CompletableFuture<Void> commit(String target, boolean add) {
        Set<String> next = new TreeSet<>(following.get());
        if (add) {
            next.add(target);
        } else {
            next.remove(target);
        }
        long nextSeq = writer.nextSeq(currentSeq());
        return store.replace(me, next, nextSeq).thenRun(() -> {
            setSeq(nextSeq);
            following.set(Set.copyOf(next));
        });
    }

    private CompletableFuture<Void> publish(String target, boolean add) {
        CompletableFuture<?> list = writer.put(Keys.following(me), new FollowingValue(
                following.get().stream().sorted().toList()), currentSeq(), ttl);
        CompletableFuture<?> entry = add
                ? writer.putEntry(Keys.followers(target), new FollowerEntryValue(me), ttl)
                : writer.removeEntry(Keys.followers(target), ttl);
        Notification.Kind kind = add ? Notification.Kind.FOLLOW : Notification.Kind.UNFOLLOW;
        SetEntry notice = writer.signEntry(Keys.notifications(target),
                new NotificationValue(kind.name(), me, clock.millis()), ttl);
        CompletableFuture<?> stored = writer.putSigned(notice);
        notifier.tell(target, notice);
        return CompletableFuture.allOf(list, entry, stored);
    }

    private CompletableFuture<Set<String>> reconcile(Local local, Optional<OwnedRecord> remote) {
        Optional<OwnedRecord> mine = remote.filter(r -> Arrays.equals(r.owner(), myKey));
        if (mine.isPresent() && mine.get().seq() > local.seq()) {
            FollowingValue v = RecordJson.decode(mine.get().value(), FollowingValue.class, "following/" + me);
            Set<String> names = new TreeSet<>(v.names().stream().filter(UserName::isValid).toList());
            names.remove(me);
            return store.replace(me, names, mine.get().seq()).thenApply(x -> adopt(names, mine.get().seq()));
        }
        Set<String> names = adopt(local.names(), local.seq());
        // Re-issued at every login, even unchanged, so the record never reaches the end of its time-to-live.
        writer.put(Keys.following(me), new FollowingValue(names.stream().sorted().toList()), local.seq(), ttl)
                .exceptionally(e -> {
                    LOG.info("following/{} not republished: {}", me, e.getMessage());
                    return null;
                });
        return CompletableFuture.completedFuture(names);
    }

    private Set<String> adopt(Set<String> names, long s) {
        setSeq(s);
        following.set(Set.copyOf(names));
        return names;
    }

    private synchronized long currentSeq() {
        return seq;
    }

    private synchronized void setSeq(long s) {
        seq = Math.max(seq, s);
    }

    private record Local(Set<String> names, long seq) {}
}
