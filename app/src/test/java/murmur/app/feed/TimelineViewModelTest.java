package murmur.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock).user("bob", "pw-bob");
    private final FakeTimeline alice = (FakeTimeline) accounts.register("alice", "pw-alice").join();
    private final TimelineViewModel model = new TimelineViewModel(alice, clock, Runnable::run);

    @Test
    void showsPostsNewestFirstWithAuthorAgeAndDelivery() {
        model.activate();
        assertThat(model.empty().get()).isTrue();
        alice.post("first").join();
        clock.advance(Duration.ofMinutes(3));
        alice.receive("bob", "hello alice");

        assertThat(model.posts()).extracting(PostItem::author, PostItem::text, PostItem::age)
                .containsExactly(tuple("bob", "hello alice", "now"),
                        tuple("alice", "first", "3 min"));
        assertThat(model.posts().get(1).delivery()).isEqualTo("not received by any follower yet");
        assertThat(model.posts().get(0).delivery()).isEmpty();
        assertThat(model.empty().get()).isFalse();

        alice.delivered(1, 2);
        assertThat(model.posts().get(1).delivery()).isEqualTo("received by 2 followers");
    }

    @Test
    void agesMoveOnWhenRefreshed() {
        model.activate();
        alice.post("tick").join();
        clock.advance(Duration.ofHours(2));
        assertThat(model.posts().get(0).age()).isEqualTo("now");
        model.refreshAges();
        assertThat(model.posts().get(0).age()).isEqualTo("2 h");
    }

    @Test
    void stopsListeningWhenHidden() {
        model.activate();
        model.deactivate();
        alice.post("unseen").join();
        assertThat(model.posts()).isEmpty();
    }
}
