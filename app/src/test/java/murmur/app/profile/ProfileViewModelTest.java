package murmur.app.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import murmur.app.feed.PostItem;
import murmur.timeline.UserSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileViewModelTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock);
    private FakeTimeline alice;
    private ProfileViewModel model;

    @BeforeEach
    void network() {
        FakeTimeline bob = (FakeTimeline) accounts.register("bob", "pw-bob").join();
        accounts.register("carol", "pw-carol").join().follow("bob").join();
        bob.post("bob here").join();
        bob.follow("carol").join();
        alice = (FakeTimeline) accounts.register("alice", "pw-alice").join();
        model = new ProfileViewModel(alice, clock, Runnable::run);
        model.activate();
    }

    @Test
    void showsPostsFollowersAndFollowingWithPresence() {
        model.show("bob");
        assertThat(model.user().get()).isEqualTo("bob");
        assertThat(model.loading().get()).isFalse();
        assertThat(model.posts()).extracting(PostItem::text).containsExactly("bob here");
        assertThat(model.followers()).extracting(UserSummary::name, UserSummary::online)
                .containsExactly(tuple("carol", true));
        assertThat(model.following()).extracting(UserSummary::name).containsExactly("carol");
        assertThat(model.self().get()).isFalse();
        assertThat(model.followLabel().get()).isEqualTo("Follow");
        assertThat(model.noPosts().get()).startsWith("No posts from bob could be reached. Follow them");
        assertThat(model.presence().get()).isEqualTo("online now");
    }

    @Test
    void followThenUnfollow() {
        model.show("bob");
        model.toggleFollow();
        assertThat(model.followed().get()).isTrue();
        assertThat(model.followLabel().get()).isEqualTo("Unfollow");
        assertThat(model.followers()).extracting(UserSummary::name).containsExactlyInAnyOrder("carol", "alice");
        model.toggleFollow();
        assertThat(model.followed().get()).isFalse();
        assertThat(model.followers()).extracting(UserSummary::name).containsExactly("carol");
    }

    @Test
    void ownProfileHasNoFollowButtonAndFollowedStateIsLive() {
        model.show("alice");
        assertThat(model.self().get()).isTrue();
        model.toggleFollow();
        assertThat(alice.following().get()).isEmpty();

        model.show("carol");
        alice.follow("carol").join();
        assertThat(model.followed().get()).isTrue();
    }

    @Test
    void muteAndUnmuteFromTheProfile() {
        model.activate();
        model.show("bob");
        assertThat(model.muted().get()).isFalse();

        model.toggleMute();
        assertThat(model.muted().get()).isTrue();
        assertThat(alice.muted().get()).containsExactly("bob");

        model.toggleMute();
        assertThat(model.muted().get()).isFalse();
        assertThat(alice.muted().get()).isEmpty();
    }

    @Test
    void blockAndUnblockFromTheProfile() {
        model.activate();
        model.show("bob");
        assertThat(model.blocked().get()).isFalse();
        model.toggleBlock();
        assertThat(model.blocked().get()).isTrue();
        assertThat(alice.blocked().get()).containsExactly("bob");
        assertThat(model.muted().get()).as("blocking is its own list").isFalse();
        model.toggleBlock();
        assertThat(alice.blocked().get()).isEmpty();
    }
}
