package murmur.timeline.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import murmur.config.TimelineSettings;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.timeline.DeviceInfo;
import murmur.timeline.Notification;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.timeline.Suggestion;
import murmur.timeline.TimelineEntry;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineService;
import murmur.timeline.UserName;
import murmur.timeline.UserSummary;
import murmur.timeline.follow.FollowBook;
import murmur.timeline.follow.PeopleList;
import murmur.timeline.follow.FollowGraph;
import murmur.timeline.gc.PostCollector;
import murmur.timeline.link.Retry;
import murmur.timeline.notify.Inbox;
import murmur.timeline.notify.PostNotices;
import murmur.timeline.observe.Live;
import murmur.timeline.post.Holding;
import murmur.timeline.post.Likes;
import murmur.timeline.post.OwnPosts;
import murmur.timeline.post.PostRules;
import murmur.timeline.post.PostStore;
import murmur.timeline.presence.PresenceService;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A logged-in user: wires the feature services for that user and runs their periodic work until logout. */
public final class UserSession implements TimelineService {
    /** Catch-ups one reply notice may start, {@link #REPLY_FETCH_PAUSE} apart, until the reply is here. */
    private static final int REPLY_FETCH_TRIES = 4;
    private static final Duration REPLY_FETCH_PAUSE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(UserSession.class);
    private static final Duration LOGOUT_WAIT = Duration.ofSeconds(5);
    private static final Duration FETCH_WAIT = Duration.ofSeconds(5);
    private static final Duration ACCOUNT_REFRESH = Duration.ofDays(1);

    private final String me;
    private final PeerContext ctx;
    private final TimelineSettings settings;
    private final OwnPosts own;
    private final FollowBook follows;
    private final People people;
    private final PresenceService presence;
    private final Inbox inbox;
    private final PostNotices notices;
    private final PeopleList mutes;
    private final PeopleList blocks;
    private final Likes likes;
    private final PostCollector collector;
    private final TimelineView timeline;
    private final FollowedPresence followed;
    private final AccountKeeper keeper;
    private final SigningKey key;
    private final AccountSecrets secrets;
    private final DeviceRegistry devices;
    private final OwnDevices ownDevices;
    private final List<ScheduledFuture<?>> periodic = new ArrayList<>();
    private volatile boolean open = true;

    private UserSession(PeerContext ctx, String me, SigningKey key, AccountKeeper keeper, AccountSecrets secrets,
            DeviceRegistry devices) {
        this.me = me;
        this.secrets = secrets;
        this.devices = devices;
        this.key = key;
        this.keeper = keeper;
        this.ctx = ctx;
        this.settings = ctx.settings().timeline();
        Duration ttl = ctx.settings().dht().maxTtl();
        RecordWriter writer = new RecordWriter(ctx.dht(), key, ctx.clock());
        PostRules rules = new PostRules(settings.maxPostChars(), settings.maxFutureSkew());
        this.own = new OwnPosts(me, devices.deviceId(), devices.deviceKey(), ctx.posts(), writer, ctx.clock(), rules,
                ttl);
        this.presence = new PresenceService(me, devices.deviceId(), writer, ctx.users(), ctx.clock(),
                settings.presenceRefresh(), settings.presenceTtl(), ttl, ctx.addresses());
        this.ownDevices = new OwnDevices(me, devices, presence);
        DirectNotifier notifier = new DirectNotifier(presence, ctx.direct(), Retry.fromSettings(settings));
        this.follows = new FollowBook(me, key.publicKey(), ctx.dht(), ctx.users(), writer, ctx.db(), ttl, ctx.clock(),
                notifier);
        this.notices = new PostNotices(me, writer, notifier, ctx.users(), ttl, ctx.clock());
        this.people = new People(me, new FollowGraph(ctx.dht(), ctx.users()), presence, ctx.users());
        this.likes = new Likes(ctx.db());
        this.inbox = new Inbox(me, ctx.dht(), ctx.users(), writer, ctx.db(), likes, ttl, ctx.clock(),
                settings.maxFutureSkew());
        inbox.onNewReply(n -> fetchReply(n, REPLY_FETCH_TRIES));
        this.collector = new PostCollector(me, ctx.posts(), ctx.clock(), settings.ownPostLifespan(),
                settings.othersPostLifespan());
        this.mutes = new PeopleList(me, ctx.db(), PeopleList.Kind.MUTES);
        this.blocks = new PeopleList(me, ctx.db(), PeopleList.Kind.BLOCKS);
        inbox.refuseFrom(blocks::contains);
        this.timeline = new TimelineView(me, ctx.posts(), likes, () -> {
            Set<String> shown = new HashSet<>(follows.following().get());
            shown.removeAll(mutes.names().get());
            shown.removeAll(blocks.names().get());
            return shown;
        });
        inbox.onLikes(timeline::refresh);
        this.followed = new FollowedPresence(presence, () -> follows.following().get());
    }

    /** This user's signature that it holds {@code post}, for the receipt that tells the author ({@link Holding}). */
    public byte[] attestHolding(Post post) {
        return Holding.sign(key, post.author(), post.seq(), post.hash(), me);
    }

    /** Logs {@code me} in: loads follows, what happened while away, and the post log; goes online. */
    static CompletableFuture<UserSession> open(PeerContext ctx, String me, SigningKey key, AccountKeeper keeper,
            AccountSecrets secrets, DeviceRegistry devices) {
        UserSession s = new UserSession(ctx, me, key, keeper, secrets, devices);
        return ctx.users().pin(me, key.publicKey())
                .thenCompose(v -> s.collector.collect())
                .thenCompose(v -> CompletableFuture.allOf(s.own.loadHead(), s.follows.load(), s.mutes.load(),
                        s.blocks.load(),
                        s.inbox.loadAtLogin()))
                .thenCompose(v -> s.timeline.refresh())
                .thenApply(v -> s.startPeriodicWork());
    }

    private UserSession startPeriodicWork() {
        // Until others can read that this user is online, authors do not push to it: whatever they post meanwhile
        // is fetched by a second catch-up, once presence is out (the first, below, covers the time away).
        presence.goOnline(ctx.scheduler()).thenCompose(v -> ctx.dissemination().catchUp(me,
                ownAndFollowed())).thenAccept(n -> timeline.refresh()).exceptionally(e -> {
                    LOG.info("{} is online, but presence was not published yet: {}", me, e.getMessage());
                    return null;
                });
        own.publishHead().exceptionally(e -> null);
        keeper.refresh();
        every(ACCOUNT_REFRESH, keeper::refresh);
        followed.poll();
        ctx.dissemination().catchUp(me, ownAndFollowed()).thenAccept(n -> timeline.refresh());
        every(settings.collectInterval(), () -> collector.collect().thenAccept(n -> timeline.refresh()));
        every(settings.presenceRefresh(), followed::poll);
        every(settings.presenceRefresh(), () -> inbox.poll().exceptionally(e -> null));
        every(settings.presenceRefresh(), () -> devices.refresh().exceptionally(e -> null));
        syncOwnDevices();
        every(settings.presenceRefresh(), this::syncOwnDevices);
        return this;
    }

    /**
     * Keeps this device in step with the account's others: takes in a follow or unfollow made there, and what they
     * posted while this one was not told, asking each of them online (their logs may be ahead of
     * {@code feed/<name>}), then the followers for what {@code feed/<name>} shows missing.
     */
    private void syncOwnDevices() {
        Set<String> before = follows.following().get();
        follows.sync().thenAccept(after -> {
            if (after.equals(before)) {
                return;
            }
            timeline.refresh();
            followed.poll();
            Set<String> added = new HashSet<>(after);
            added.removeAll(before);
            if (!added.isEmpty()) {
                ctx.dissemination().catchUp(me, added).thenAccept(n -> timeline.refresh());
            }
        }).exceptionally(e -> null);
        ownDevices.refresh().exceptionally(e -> List.of())
                .thenCompose(online -> ctx.dissemination().catchUpOwn(me, online)).thenAccept(n -> {
                    if (n > 0) {
                        timeline.refresh();
                    }
                });
    }

    /**
     * Whose logs a login catches up on: the followed users' and the user's own, which this data directory may lack
     * (the account was used on another computer) and which the next post must follow, not fork.
     */
    private Set<String> ownAndFollowed() {
        Set<String> authors = new HashSet<>(follows.following().get());
        authors.add(me);
        return authors;
    }

    private void every(Duration period, Runnable task) {
        long millis = period.toMillis();
        periodic.add(ctx.scheduler().scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("periodic work for {} failed", me, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @Override
    public String user() {
        return me;
    }

    @Override
    public int maxPostChars() {
        return settings.maxPostChars();
    }

    @Override
    public CompletableFuture<Post> post(String text) {
        return whenOpen().thenCompose(v -> own.create(text)).thenCompose(this::sent);
    }

    @Override
    public CompletableFuture<Post> reply(Post parent, String text) {
        return whenOpen().thenCompose(v -> own.reply(parent, text)).thenCompose(this::sent);
    }

    @Override
    public CompletableFuture<Void> delete(Post post) {
        return whenOpen().thenCompose(v -> own.delete(post)).thenCompose(this::sent).thenApply(p -> null);
    }

    @Override
    public CompletableFuture<List<Post>> replies(Post post) {
        return whenOpen().thenCompose(v -> ctx.posts().replies(PostRef.to(PostRef.Kind.REPLY, post)));
    }

    @Override
    public CompletableFuture<Post> repost(Post post) {
        return whenOpen().thenCompose(v -> own.repost(post)).thenCompose(this::sent);
    }

    @Override
    public CompletableFuture<Post> quote(Post post, String text) {
        return whenOpen().thenCompose(v -> own.quote(post, text)).thenCompose(this::sent);
    }

    @Override
    public CompletableFuture<Void> like(Post post, boolean like) {
        Post liked = post.subject();
        return whenOpen().thenCompose(v -> likes.record(me, PostStore.Place.of(liked), me, like,
                ctx.clock().millis()))
                .thenCompose(changed -> timeline.refresh())
                .thenAccept(v -> notices.liked(liked, like));
    }

    @Override
    public CompletableFuture<List<Post>> thread(Post post) {
        if (!post.isReply()) {
            return TimelineService.super.thread(post);
        }
        PostRef parent = post.ref();
        return whenOpen().thenCompose(v -> parentOf(parent)).thenCompose(root -> root.filter(parent::names)
                .map(TimelineService.super::thread).orElseGet(() -> TimelineService.super.thread(post)));
    }

    /** The post {@code parent} names: held here, or fetched from its author's logs within {@link #FETCH_WAIT}. */
    private CompletableFuture<Optional<Post>> parentOf(PostRef parent) {
        return ctx.posts().at(parent.author(), parent.device(), parent.seq()).thenCompose(held -> {
            if (held.isPresent()) {
                return CompletableFuture.completedFuture(held);
            }
            return fetchPostsOf(parent.author())
                    .thenCompose(n -> ctx.posts().at(parent.author(), parent.device(), parent.seq()));
        });
    }

    /**
     * Fetches {@code author}'s posts this peer lacks (someone not followed here), giving up after
     * {@link #FETCH_WAIT}; completes with how many arrived, 0 on a failure or an invalid name.
     */
    private CompletableFuture<Integer> fetchPostsOf(String author) {
        if (!UserName.isValid(author)) {
            return CompletableFuture.completedFuture(0);
        }
        return ctx.dissemination().catchUp(me, Set.of(author))
                .completeOnTimeout(0, FETCH_WAIT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> 0);
    }

    @Override
    public CompletableFuture<Void> mute(String name, boolean mute) {
        return listChange(mutes, name, mute);
    }

    @Override
    public Live<Set<String>> muted() {
        return mutes.names();
    }

    @Override
    public CompletableFuture<Void> block(String name, boolean block) {
        return listChange(blocks, name, block);
    }

    /** Puts {@code name} on {@code list} or off it; the timeline and the notifications are read again. */
    private CompletableFuture<Void> listChange(PeopleList list, String name, boolean on) {
        return whenOpen().thenCompose(v -> list.set(name, on))
                .thenCompose(v -> CompletableFuture.allOf(timeline.refresh(), inbox.reload()));
    }

    @Override
    public Live<Set<String>> blocked() {
        return blocks.names();
    }

    /** Notices dropped because their sender is blocked here. */
    public long noticesFromBlocked() {
        return inbox.fromBlocked();
    }

    /** Notices about posts dropped because their sender sent more than the cap lately ({@link Inbox}). */
    public long noticesOverCap() {
        return inbox.overCap();
    }

    @Override
    public CompletableFuture<List<Post>> postsContaining(String fragment) {
        return whenOpen().thenCompose(v -> ctx.posts().containing(fragment, TimelineView.SHOWN));
    }

    /**
     * Fetches the reply a notice names from its author's logs (the author may be someone not followed here), so the
     * replied-to post's thread shows it. Tries again a little later while it is not here: the notice can come before
     * the replier's {@code feed/} head names the reply, and a catch-up starts from that head.
     */
    private void fetchReply(Notification n, int triesLeft) {
        whenOpen().thenCompose(v -> ctx.dissemination().catchUp(me, Set.of(n.from())))
                .thenCompose(fetched -> ctx.posts().holds(n.from(), n.postDevice(), n.postSeq()))
                .exceptionally(e -> true) // signed out, or the store failed: stop
                .thenAccept(held -> {
                    if (!held && triesLeft > 1) {
                        CompletableFuture.delayedExecutor(REPLY_FETCH_PAUSE.toMillis(), TimeUnit.MILLISECONDS)
                                .execute(() -> fetchReply(n, triesLeft - 1));
                    }
                });
    }

    /** A new post of this device's log, stored: to the followers and the other devices, and into the timeline. */
    private CompletableFuture<Post> sent(Post p) {
        ctx.dissemination().published(p);
        ctx.dissemination().toOwnDevices(p, ownDevices.online());
        notices.sent(p);
        return timeline.refresh().thenApply(v -> p);
    }

    @Override
    public Live<List<TimelineEntry>> timeline() {
        return timeline.entries();
    }

    @Override
    public CompletableFuture<List<Post>> postsBy(String name) {
        boolean local = name.equals(me) || follows.following().get().contains(name);
        CompletableFuture<Integer> fetched = local ? CompletableFuture.completedFuture(0) : fetchPostsOf(name);
        return whenOpen().thenCompose(v -> fetched).thenCompose(n -> ctx.posts().byAuthor(name, TimelineView.SHOWN));
    }

    @Override
    public CompletableFuture<Void> follow(String name) {
        return whenOpen().thenCompose(v -> follows.follow(name)).whenComplete((v, e) -> {
            timeline.refresh();
            followed.poll();
            if (e == null) {
                ctx.dissemination().catchUp(me, Set.of(name)).thenAccept(n -> timeline.refresh());
            }
        });
    }

    @Override
    public CompletableFuture<Void> unfollow(String name) {
        return whenOpen().thenCompose(v -> follows.unfollow(name)).whenComplete((v, e) -> {
            timeline.refresh();
            followed.poll();
        });
    }

    @Override
    public Live<Set<String>> following() {
        return follows.following();
    }

    @Override
    public Live<Map<String, UserSummary>> followedPresence() {
        return followed.live();
    }

    @Override
    public CompletableFuture<List<UserSummary>> followersOf(String name) {
        return whenOpen().thenCompose(v -> people.followersOf(name));
    }

    @Override
    public CompletableFuture<List<UserSummary>> followingOf(String name) {
        return whenOpen().thenCompose(v -> people.followingOf(name));
    }

    @Override
    public CompletableFuture<Optional<UserSummary>> findUser(String name) {
        return whenOpen().thenCompose(v -> people.find(name));
    }

    @Override
    public CompletableFuture<List<Suggestion>> suggestions() {
        return whenOpen().thenCompose(v -> people.suggestions(follows.following().get()));
    }

    @Override
    public Live<List<Notification>> notifications() {
        return inbox.notifications();
    }

    @Override
    public Live<Integer> unreadNotifications() {
        return inbox.unread();
    }

    @Override
    public void markNotificationsRead() {
        inbox.markRead();
    }

    /** A follow notice that arrived directly; false if it is not genuine or not for this user. */
    public CompletableFuture<Boolean> receiveNotice(SetEntry entry) {
        return inbox.receiveDirect(entry);
    }

    /** Called when a post from someone else was stored. */
    public void postArrived() {
        timeline.refresh();
    }

    @Override
    public String deviceId() {
        return devices.deviceId();
    }

    @Override
    public Live<List<DeviceInfo>> devices() {
        return devices.devices();
    }

    @Override
    public CompletableFuture<Void> renameDevice(String deviceId, String name) {
        return whenOpen().thenCompose(v -> devices.rename(deviceId, name));
    }

    @Override
    public CompletableFuture<Void> revokeDevice(String deviceId) {
        return whenOpen().thenCompose(v -> devices.revoke(deviceId));
    }

    @Override
    public CompletableFuture<Void> signOutOtherDevices() {
        return whenOpen().thenCompose(v -> devices.revokeOthers());
    }

    @Override
    public CompletableFuture<Void> logout() {
        if (!open) {
            return CompletableFuture.completedFuture(null);
        }
        open = false;
        periodic.forEach(f -> f.cancel(false));
        CompletableFuture<Void> offline = inbox.settled().thenCompose(v -> presence.goOffline());
        return offline.orTimeout(LOGOUT_WAIT.toMillis(), TimeUnit.MILLISECONDS).handle((v, e) -> {
            if (e != null) {
                String why = e instanceof TimeoutException ? "timed out" : e.getMessage();
                LOG.info("{} logged out; offline presence not published: {}", me, why);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<List<String>> recoveryPhrase(String password) {
        return whenOpen().thenCompose(v -> secrets.phrase(me, keeper, password));
    }

    @Override
    public CompletableFuture<Void> changePassword(String oldPassword, String newPassword) {
        return whenOpen().thenCompose(v -> secrets.changePassword(me, key, keeper, oldPassword, newPassword));
    }

    public boolean isOpen() {
        return open;
    }


    private CompletableFuture<Void> whenOpen() {
        if (devices.revoked()) {
            return CompletableFuture.failedFuture(devices.revokedError());
        }
        return open ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(
                new TimelineException(TimelineException.Reason.LOGGED_OUT, "you are logged out"));
    }
}
