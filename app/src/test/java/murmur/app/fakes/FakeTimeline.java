package murmur.app.fakes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.dht.SigningKey;
import murmur.timeline.DeviceInfo;
import murmur.timeline.Notification;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.timeline.Suggestion;
import murmur.timeline.TimelineEntry;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.UserSummary;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;

/** A logged-in user on a {@link FakeAccounts} network: everything in memory, answered at once. */
public final class FakeTimeline implements TimelineService {
    private static final SigningKey KEY = SigningKey.generate();
    private static final String DEVICE = "00000000000000fa";

    private final FakeAccounts network;
    private final String user;
    private final Clock clock;
    private final LiveValue<List<TimelineEntry>> timeline = new LiveValue<>(List.of());
    private final LiveValue<Set<String>> following = new LiveValue<>(Set.of());
    private final LiveValue<Set<String>> muted = new LiveValue<>(Set.of());
    private final LiveValue<Set<String>> blocked = new LiveValue<>(Set.of());
    private final LiveValue<Map<String, UserSummary>> presence = new LiveValue<>(Map.of());
    private final LiveValue<List<Notification>> notifications = new LiveValue<>(List.of());
    private final LiveValue<Integer> unread = new LiveValue<>(0);
    private List<Suggestion> suggestions = List.of();
    private volatile boolean loggedOut;
    private volatile LiveValue<List<DeviceInfo>> devices;
    private final List<String> deviceCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeTimeline(FakeAccounts network, String user, Clock clock) {
        this.network = network;
        this.user = user;
        this.clock = clock;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public int maxPostChars() {
        return 20;
    }

    public boolean loggedOut() {
        return loggedOut;
    }

    /** A post by {@code author} as if it had just arrived. */
    public Post receive(String author, String text) {
        Post post = Post.sign(KEY, author, network.nextSeq(author), new byte[Post.HASH_BYTES], clock.instant(), text);
        add(new TimelineEntry(post, 0));
        return post;
    }

    public void notify(Notification n) {
        notifications.update(list -> {
            List<Notification> next = new ArrayList<>(list);
            next.add(0, n);
            return List.copyOf(next);
        });
        unread.update(u -> u + 1);
    }

    public void suggest(List<Suggestion> list) {
        suggestions = List.copyOf(list);
    }

    /** Changes how many followers received one's own post {@code seq}. */
    public void delivered(long seq, int followers) {
        timeline.update(list -> list.stream().map(e -> e.post().author().equals(user) && e.post().seq() == seq
                ? new TimelineEntry(e.post(), followers) : e).toList());
    }

    @Override
    public CompletableFuture<Post> post(String text) {
        if (text.isBlank()) {
            return failed(Reason.EMPTY_POST, "Write something first.");
        }
        if (text.codePointCount(0, text.length()) > maxPostChars()) {
            return failed(Reason.POST_TOO_LONG, "Too long.");
        }
        Post post = Post.sign(KEY, user, network.nextSeq(user), new byte[Post.HASH_BYTES], clock.instant(), text);
        add(new TimelineEntry(post, 0));
        network.published(post);
        return CompletableFuture.completedFuture(post);
    }

    @Override
    public CompletableFuture<Post> reply(Post parent, String text) {
        return referring(text, PostRef.to(PostRef.Kind.REPLY, parent));
    }

    @Override
    public CompletableFuture<Post> quote(Post post, String text) {
        return referring(text, PostRef.to(PostRef.Kind.QUOTE, post));
    }

    @Override
    public CompletableFuture<Post> repost(Post post) {
        if (post.isDelete()) {
            return failed(Reason.NOTHING_TO_REPOST, "a delete cannot be reposted");
        }
        return signed("", PostRef.to(PostRef.Kind.REPOST, post.subject()));
    }

    private CompletableFuture<Post> referring(String text, PostRef ref) {
        if (text.isBlank()) {
            return failed(Reason.EMPTY_POST, "Write something first.");
        }
        return signed(text, ref);
    }

    private CompletableFuture<Post> signed(String text, PostRef ref) {
        Post post = Post.sign(KEY, user, DEVICE, network.nextSeq(user), new byte[Post.HASH_BYTES], clock.instant(),
                text, ref);
        add(new TimelineEntry(post, 0));
        network.published(post);
        return CompletableFuture.completedFuture(post);
    }

    /** Likes as the author's peer would count them: one per liker, here only the signed-in user's. */
    @Override
    public CompletableFuture<Void> like(Post post, boolean like) {
        timeline.update(list -> list.stream().map(e -> {
            if (!post.equals(e.post().subject()) || e.likedByMe() == like) {
                return e;
            }
            return new TimelineEntry(e.post(), e.deliveredTo(), e.replies(), e.likes() + (like ? 1 : -1), like);
        }).toList());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> block(String name, boolean block) {
        return listed(blocked, name, block);
    }

    private static CompletableFuture<Void> listed(LiveValue<Set<String>> list, String name, boolean on) {
        list.update(names -> {
            Set<String> next = new HashSet<>(names);
            if (on) {
                next.add(name);
            } else {
                next.remove(name);
            }
            return Set.copyOf(next);
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Live<Set<String>> blocked() {
        return blocked;
    }

    @Override
    public CompletableFuture<Void> delete(Post post) {
        if (!post.author().equals(user)) {
            return failed(Reason.NOT_YOUR_POST, "only " + post.author() + " can delete their post");
        }
        timeline.update(list -> list.stream().filter(e -> !e.post().equals(post)).toList());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> mute(String name, boolean mute) {
        return listed(muted, name, mute);
    }

    @Override
    public Live<Set<String>> muted() {
        return muted;
    }

    @Override
    public CompletableFuture<List<Post>> postsContaining(String fragment) {
        return CompletableFuture.completedFuture(timeline.get().stream().map(TimelineEntry::post)
                .filter(p -> p.text().toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(
                        java.util.Locale.ROOT))).toList());
    }

    @Override
    public CompletableFuture<List<Post>> replies(Post post) {
        return CompletableFuture.completedFuture(timeline.get().stream().map(TimelineEntry::post)
                .filter(p -> p.isReply() && p.ref().names(post))
                .sorted(Comparator.comparing(Post::timestampMillis)).toList());
    }

    /** As a peer builds it, from what this fake holds: a reply's thread starts at the post it answers. */
    @Override
    public CompletableFuture<List<Post>> thread(Post post) {
        Post root = !post.isReply() ? post : timeline.get().stream().map(TimelineEntry::post)
                .filter(p -> post.ref().names(p)).findFirst().orElse(post);
        return TimelineService.super.thread(root);
    }

    private void add(TimelineEntry entry) {
        timeline.update(list -> {
            List<TimelineEntry> next = new ArrayList<>(list);
            next.add(entry);
            next.sort(Comparator.comparing((TimelineEntry e) -> e.post().timestampMillis()).reversed());
            return List.copyOf(next);
        });
    }

    @Override
    public Live<List<TimelineEntry>> timeline() {
        return timeline;
    }

    @Override
    public CompletableFuture<List<Post>> postsBy(String name) {
        return CompletableFuture.completedFuture(network.postsBy(name));
    }

    @Override
    public CompletableFuture<Void> follow(String name) {
        if (name.equals(user)) {
            return failed(Reason.CANNOT_FOLLOW_SELF, "You cannot follow yourself.");
        }
        if (!network.exists(name)) {
            return failed(Reason.UNKNOWN_USER, "Nobody is called '" + name + "'.");
        }
        Set<String> next = new HashSet<>(following.get());
        next.add(name);
        following.set(Set.copyOf(next));
        network.followed(user, name, true);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unfollow(String name) {
        Set<String> next = new HashSet<>(following.get());
        next.remove(name);
        following.set(Set.copyOf(next));
        network.followed(user, name, false);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Live<Set<String>> following() {
        return following;
    }

    @Override
    public Live<Map<String, UserSummary>> followedPresence() {
        return presence;
    }

    @Override
    public CompletableFuture<List<UserSummary>> followersOf(String name) {
        return CompletableFuture.completedFuture(network.summaries(network.followersOf(name)));
    }

    @Override
    public CompletableFuture<List<UserSummary>> followingOf(String name) {
        return CompletableFuture.completedFuture(network.summaries(network.followingOf(name)));
    }

    @Override
    public CompletableFuture<Optional<UserSummary>> findUser(String name) {
        return CompletableFuture.completedFuture(network.summaries(List.of(name)).stream().findFirst());
    }

    @Override
    public CompletableFuture<List<Suggestion>> suggestions() {
        return CompletableFuture.completedFuture(suggestions);
    }

    @Override
    public Live<List<Notification>> notifications() {
        return notifications;
    }

    @Override
    public Live<Integer> unreadNotifications() {
        return unread;
    }

    @Override
    public void markNotificationsRead() {
        unread.set(0);
    }

    /** Gives this session a device list (without it, {@link #devices()} is unsupported, as on main today). */
    public LiveValue<List<DeviceInfo>> withDevices(List<DeviceInfo> initial) {
        devices = new LiveValue<>(initial);
        return devices;
    }

    /** The device calls made: "rename 2 phone", "revoke 2", "signOutOthers". */
    public List<String> deviceCalls() {
        return deviceCalls;
    }

    @Override
    public Live<List<DeviceInfo>> devices() {
        if (devices == null) {
            return TimelineService.super.devices();
        }
        return devices;
    }

    @Override
    public CompletableFuture<Void> renameDevice(String deviceId, String name) {
        deviceCalls.add("rename " + deviceId + " " + name);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> revokeDevice(String deviceId) {
        if (deviceId.equals("1")) {
            return failed(Reason.CANNOT_REVOKE_SELF, "this device cannot revoke itself; sign out instead");
        }
        deviceCalls.add("revoke " + deviceId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> signOutOtherDevices() {
        deviceCalls.add("signOutOthers");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<String>> recoveryPhrase(String password) {
        return network.phrases() ? network.phraseOf(user, password) : TimelineService.super.recoveryPhrase(password);
    }

    @Override
    public CompletableFuture<Void> changePassword(String oldPassword, String newPassword) {
        return network.phrases() ? network.changePassword(user, oldPassword, newPassword)
                : TimelineService.super.changePassword(oldPassword, newPassword);
    }

    @Override
    public CompletableFuture<Void> logout() {
        loggedOut = true;
        return CompletableFuture.completedFuture(null);
    }

    private static <T> CompletableFuture<T> failed(Reason reason, String message) {
        return CompletableFuture.failedFuture(new TimelineException(reason, message));
    }
}
