package murmur.app.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import murmur.timeline.Suggestion;
import org.junit.jupiter.api.Test;

class WhoToFollowViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")))
            .user("bob", "pw").user("carol", "pw").user("dave", "pw");
    private final FakeTimeline alice = (FakeTimeline) accounts.register("alice", "pw-alice").join();

    @Test
    void rankedSuggestionsFirstThenFeaturedUsersNotYetFollowed() {
        alice.suggest(List.of(new Suggestion("carol", 3), new Suggestion("dave", 1)));
        WhoToFollowViewModel model = new WhoToFollowViewModel(alice, List.of("alice", "bob", "carol"),
                Runnable::run);
        model.activate();
        assertThat(model.items()).extracting(SuggestionItem::name, SuggestionItem::reason).containsExactly(
                tuple("carol", "followed by 3 people you follow"),
                tuple("dave", "followed by 1 person you follow"),
                tuple("bob", "active on this network"));
    }

    @Test
    void followingSomeoneTakesThemOffTheList() {
        WhoToFollowViewModel model = new WhoToFollowViewModel(alice, List.of("bob", "carol"), Runnable::run);
        model.activate();
        model.follow("bob");
        assertThat(alice.following().get()).containsExactly("bob");
        assertThat(model.items()).extracting(SuggestionItem::name).containsExactly("carol");
    }
}
