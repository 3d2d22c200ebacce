package murmur.app.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.feed.PostItem;
import murmur.app.fx.Activatable;
import murmur.app.fx.OnUi;
import murmur.app.fx.Problems;
import murmur.app.fx.RelativeTime;
import murmur.app.fx.Subscriptions;
import murmur.timeline.TimelineService;
import murmur.timeline.UserSummary;

/**
 * One user's profile. {@link #show(String)} loads posts, followers and following in parallel; answers for a user no
 * longer shown are dropped. Whether the signed-in user follows them comes live from {@code following()}.
 */
public final class ProfileViewModel implements Activatable {
    private final TimelineService service;
    private final Clock clock;
    private final Executor ui;
    private final SimpleStringProperty user = new SimpleStringProperty("");
    private final SimpleBooleanProperty followed = new SimpleBooleanProperty();
    private final SimpleBooleanProperty muted = new SimpleBooleanProperty();
    private Set<String> mutedNames = Set.of();
    private final SimpleBooleanProperty blocked = new SimpleBooleanProperty();
    private Set<String> blockedNames = Set.of();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final SimpleBooleanProperty followBusy = new SimpleBooleanProperty();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleStringProperty presence = new SimpleStringProperty("");
    private final ObservableList<PostItem> posts = FXCollections.observableArrayList();
    private final ObservableList<UserSummary> followers = FXCollections.observableArrayList();
    private final ObservableList<UserSummary> following = FXCollections.observableArrayList();
    private final Subscriptions subscriptions = new Subscriptions();
    private final BooleanBinding self;
    private final StringBinding followLabel;
    private final StringBinding noPosts;
    private Set<String> followedNames = Set.of();
    private int generation;

    public ProfileViewModel(TimelineService service, Clock clock, Executor ui) {
        this.service = service;
        this.clock = clock;
        this.ui = ui;
        self = Bindings.createBooleanBinding(() -> user.get().equals(service.user()), user);
        followLabel = Bindings.createStringBinding(() -> followed.get() ? "Unfollow" : "Follow", followed);
        noPosts = Bindings.createStringBinding(() -> self.get() ? "You have not posted yet."
                : followed.get() ? user.get() + " has not posted yet."
                : "No posts from " + user.get() + " could be reached. Follow them to get their posts as they write.",
                self, followed, user);
    }

    public ReadOnlyStringProperty user() {
        return user;
    }

    /** The profile is the signed-in user's own: no follow button. */
    public BooleanBinding self() {
        return self;
    }

    public ReadOnlyBooleanProperty followed() {
        return followed;
    }

    /** Whether the signed-in user muted this user here: their posts and notifications are hidden. */
    public ReadOnlyBooleanProperty muted() {
        return muted;
    }

    /** Mutes the user shown, or unmutes them. */
    public void toggleMute() {
        toggle(muted, service::mute);
    }

    /**
     * Whether the signed-in user blocked this user here: as muted, and their follows, replies, mentions, likes and
     * posts are refused, and the signed-in user's posts no longer go to them.
     */
    public ReadOnlyBooleanProperty blocked() {
        return blocked;
    }

    /** Blocks the user shown, or unblocks them. */
    public void toggleBlock() {
        toggle(blocked, service::block);
    }

    private void toggle(ReadOnlyBooleanProperty now, BiFunction<String, Boolean, CompletableFuture<Void>> change) {
        String name = user.get();
        if (self.get() || name.isEmpty()) {
            return;
        }
        error.set("");
        change.apply(name, !now.get()).whenCompleteAsync((v, failure) -> {
            if (failure != null) {
                error.set(Problems.describe(failure));
            }
        }, ui);
    }

    public StringBinding followLabel() {
        return followLabel;
    }

    /** What the posts list says while it is empty. */
    public StringBinding noPosts() {
        return noPosts;
    }

    /** "online now", "last seen 5 min ago" or "not seen online yet". */
    public ReadOnlyStringProperty presence() {
        return presence;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading;
    }

    public ReadOnlyBooleanProperty followBusy() {
        return followBusy;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public ObservableList<PostItem> posts() {
        return posts;
    }

    public ObservableList<UserSummary> followers() {
        return followers;
    }

    public ObservableList<UserSummary> following() {
        return following;
    }

    @Override
    public void activate() {
        subscriptions.add(OnUi.observe(service.following(), ui, names -> {
            followedNames = names;
            followed.set(names.contains(user.get()));
        }));
        subscriptions.add(OnUi.observe(service.muted(), ui, names -> {
            mutedNames = names;
            muted.set(names.contains(user.get()));
        }));
        subscriptions.add(OnUi.observe(service.blocked(), ui, names -> {
            blockedNames = names;
            blocked.set(names.contains(user.get()));
        }));
    }

    @Override
    public void deactivate() {
        subscriptions.closeAll();
    }

    /** Shows {@code name}'s profile and loads it. */
    public void show(String name) {
        user.set(name);
        followed.set(followedNames.contains(name));
        muted.set(mutedNames.contains(name));
        blocked.set(blockedNames.contains(name));
        reload();
    }

    public void reload() {
        int asked = ++generation;
        String name = user.get();
        posts.clear();
        followers.clear();
        following.clear();
        error.set("");
        presence.set("");
        loading.set(true);
        CompletableFuture<Void> all = CompletableFuture.allOf(
                load(asked, service.postsBy(name), p -> posts.setAll(
                        p.stream().map(post -> PostItem.of(post, service.user(), clock.instant(), clock.getZone()))
                                .toList())),
                load(asked, service.followersOf(name), followers::setAll),
                load(asked, service.followingOf(name), following::setAll),
                load(asked, service.findUser(name).thenApply(found -> found.stream().toList()), this::showPresence));
        all.whenCompleteAsync((v, failure) -> {
            if (asked == generation) {
                loading.set(false);
            }
        }, ui);
    }

    /** Follows or unfollows the user shown, then reloads their followers. */
    public void toggleFollow() {
        String name = user.get();
        if (followBusy.get() || self.get() || name.isEmpty()) {
            return;
        }
        followBusy.set(true);
        error.set("");
        boolean follow = !followed.get();
        CompletableFuture<Void> change = follow ? service.follow(name) : service.unfollow(name);
        change.whenCompleteAsync((v, failure) -> {
            followBusy.set(false);
            if (failure != null) {
                error.set(Problems.describe(failure));
            } else if (name.equals(user.get())) {
                followed.set(follow);
                reload();
            }
        }, ui);
    }

    private void showPresence(List<UserSummary> found) {
        presence.set(found.stream().findFirst().map(this::presenceOf).orElse("no such user"));
    }

    private String presenceOf(UserSummary u) {
        if (u.online()) {
            return "online now";
        }
        if (u.lastSeen().equals(Instant.EPOCH)) {
            return "not seen online yet";
        }
        String age = RelativeTime.since(u.lastSeen(), clock.instant(), clock.getZone());
        return age.equals("now") ? "last seen just now" : "last seen " + age + " ago";
    }

    private <T> CompletableFuture<Void> load(int asked, CompletableFuture<List<T>> answer, Consumer<List<T>> show) {
        return answer.handleAsync((list, failure) -> {
            if (asked != generation) {
                return null;
            }
            if (failure != null) {
                error.set(Problems.describe(failure));
            } else {
                show.accept(list);
            }
            return null;
        }, ui);
    }
}
