package murmur.timeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.observe.Live;

/**
 * One logged-in user's view of Murmur. Every method returns at once; network and disk work completes the returned
 * future, which fails with a {@link TimelineException} saying what went wrong in words. After {@link #logout()},
 * further calls fail with {@code LOGGED_OUT}.
 */
public interface TimelineService {

    /** The logged-in user. */
    String user();

    /** The limit on a post's length, in code points. */
    int maxPostChars();

    /**
     * Signs a post, stores it on disk (the future completes only after the commit) and sends it to the followers.
     * Fails with {@code EMPTY_POST} or {@code POST_TOO_LONG}.
     */
    CompletableFuture<Post> post(String text);

    /**
     * As {@link #post(String)}, for a reply to {@code parent}: it goes to this user's followers, names the parent,
     * and shows in the parent's thread ({@link #replies(Post)}).
     */
    default CompletableFuture<Post> reply(Post parent, String text) {
        throw new UnsupportedOperationException("replies are not supported by this service");
    }

    /**
     * Deletes one of this user's posts: its text is dropped here at once, and a signed delete goes to the followers
     * like a post, so each of them drops it too. Fails with {@code NOT_YOUR_POST}.
     */
    default CompletableFuture<Void> delete(Post post) {
        throw new UnsupportedOperationException("deleting is not supported by this service");
    }

    /**
     * Mutes or unmutes {@code name} on this computer: a muted user's posts leave the timeline and their notifications
     * the list (their profile still shows their posts). Nobody is told; following is untouched.
     */
    default CompletableFuture<Void> mute(String name, boolean mute) {
        throw new UnsupportedOperationException("muting is not supported by this service");
    }

    /** Whom this user muted on this computer. */
    default Live<Set<String>> muted() {
        throw new UnsupportedOperationException("muting is not supported by this service");
    }

    /**
     * Passes {@code post} on to this user's followers as it is (a repost of a repost passes on the original); its
     * author is told. Fails with {@code NOTHING_TO_REPOST} for a delete or a repost whose original was deleted.
     */
    default CompletableFuture<Post> repost(Post post) {
        throw new UnsupportedOperationException("reposting is not supported by this service");
    }

    /** A post of this user's with {@code text}, showing {@code post} beneath it; its author is told. */
    default CompletableFuture<Post> quote(Post post, String text) {
        throw new UnsupportedOperationException("quoting is not supported by this service");
    }

    /**
     * Likes {@code post} or takes the like back: recorded here and told to its author in a signed notice, whose
     * peer counts the likes ({@link TimelineEntry#likes()}).
     */
    default CompletableFuture<Void> like(Post post, boolean like) {
        throw new UnsupportedOperationException("liking is not supported by this service");
    }

    /**
     * Blocks or unblocks {@code name} on this computer: as muted, and their pushes, follow notices, replies,
     * mentions, likes and reposts are refused here, and this user's new posts are no longer pushed to them.
     */
    default CompletableFuture<Void> block(String name, boolean block) {
        throw new UnsupportedOperationException("blocking is not supported by this service");
    }

    /** Whom this user blocked on this computer. */
    default Live<Set<String>> blocked() {
        throw new UnsupportedOperationException("blocking is not supported by this service");
    }

    /** Posts held here whose text contains {@code fragment} (ignoring ASCII case), newest first, at most 200. */
    default CompletableFuture<List<Post>> postsContaining(String fragment) {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * The thread {@code post} is in: for a reply, the post it answers (fetched from its author's logs when it is not
     * held here) and that post's replies; else {@code post} and its replies. Oldest first; the first is the root.
     * Where the post answered cannot be had, the thread starts at {@code post}.
     */
    default CompletableFuture<List<Post>> thread(Post post) {
        return replies(post).thenApply(replies -> {
            List<Post> all = new java.util.ArrayList<>(List.of(post));
            all.addAll(replies);
            return all;
        });
    }

    /** The replies to {@code post} held here, oldest first. */
    default CompletableFuture<List<Post>> replies(Post post) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** Own and followed users' posts, newest first (timestamp, then author, then sequence). */
    Live<List<TimelineEntry>> timeline();

    /**
     * The posts of any user, newest first: those this peer holds, and for a user not followed, their recent posts
     * fetched from their peer or their followers' (waiting a few seconds at most).
     */
    CompletableFuture<List<Post>> postsBy(String name);

    /** Follows {@code name}; fails with {@code UNKNOWN_USER}, {@code CANNOT_FOLLOW_SELF} or {@code NO_NETWORK}. */
    CompletableFuture<Void> follow(String name);

    /** Stops following {@code name}; unfollowing someone not followed does nothing. */
    CompletableFuture<Void> unfollow(String name);

    /** The names this user follows. */
    Live<Set<String>> following();

    /** Presence of the users this user follows, refreshed while logged in. */
    Live<Map<String, UserSummary>> followedPresence();

    /** Who follows {@code name}, with presence, read from the DHT. */
    CompletableFuture<List<UserSummary>> followersOf(String name);

    /** Whom {@code name} follows, with presence, read from the DHT. */
    CompletableFuture<List<UserSummary>> followingOf(String name);

    /** The user {@code name}, if registered, with presence. */
    CompletableFuture<Optional<UserSummary>> findUser(String name);

    /** Users followed by the people this user follows, most shared first, excluding self and those already followed. */
    CompletableFuture<List<Suggestion>> suggestions();

    /** Follow and unfollow events for this user, newest first, including those from while logged out. */
    Live<List<Notification>> notifications();

    /** Notifications not yet marked read. */
    Live<Integer> unreadNotifications();

    void markNotificationsRead();

    /** The id of the device this session runs on. */
    default String deviceId() {
        return "0";
    }

    /** The account's devices, this one included, revoked ones last; refreshed from the DHT while logged in. */
    default Live<List<DeviceInfo>> devices() {
        throw new UnsupportedOperationException("devices are not supported by this service");
    }

    /** Renames one of the account's devices; fails with {@code UNKNOWN_DEVICE} or {@code NO_NETWORK}. */
    default CompletableFuture<Void> renameDevice(String deviceId, String name) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("renameDevice"));
    }

    /**
     * Revokes a device: its posts dated after now are refused everywhere. Fails with {@code UNKNOWN_DEVICE},
     * {@code CANNOT_REVOKE_SELF} or {@code NO_NETWORK}.
     */
    default CompletableFuture<Void> revokeDevice(String deviceId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("revokeDevice"));
    }

    /** Revokes every device of the account but this one. */
    default CompletableFuture<Void> signOutOtherDevices() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("signOutOtherDevices"));
    }

    /**
     * The 24-word recovery phrase (BIP-39) that restores the account key without the password; asks for the
     * password again. Fails with {@code WRONG_PASSWORD}.
     */
    default CompletableFuture<List<String>> recoveryPhrase(String password) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("recoveryPhrase"));
    }

    /**
     * Re-seals the account key under a new password and publishes it, so every device signs in with the new one.
     * Fails with {@code WRONG_PASSWORD}, {@code INVALID_PASSWORD} or {@code NO_NETWORK}.
     */
    default CompletableFuture<Void> changePassword(String oldPassword, String newPassword) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("changePassword"));
    }

    /** Publishes presence offline and stops this user's background work; the peer stays up for the next login. */
    CompletableFuture<Void> logout();
}
