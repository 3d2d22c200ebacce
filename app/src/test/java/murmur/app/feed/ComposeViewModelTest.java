package murmur.app.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class ComposeViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")));
    private final FakeTimeline alice = (FakeTimeline) accounts.register("alice", "pw-alice").join();
    private final ComposeViewModel model = new ComposeViewModel(alice, Runnable::run);

    @Test
    void countsCodePointsAgainstTheLimit() {
        assertThat(model.counter().get()).isEqualTo("0 / 20");
        assertThat(model.canPost().get()).isFalse();
        model.text().set("héllo 👋");
        assertThat(model.counter().get()).isEqualTo("7 / 20");
        assertThat(model.canPost().get()).isTrue();
        model.text().set("x".repeat(21));
        assertThat(model.tooLong().get()).isTrue();
        assertThat(model.canPost().get()).isFalse();
    }

    @Test
    void blankTextCannotBePosted() {
        model.text().set("   ");
        assertThat(model.canPost().get()).isFalse();
        model.post();
        assertThat(alice.timeline().get()).isEmpty();
    }

    @Test
    void postingStoresThePostAndClearsTheBox() {
        model.text().set("hello world");
        model.post();
        assertThat(alice.timeline().get()).extracting(e -> e.post().text()).containsExactly("hello world");
        assertThat(model.text().get()).isEmpty();
        assertThat(model.busy().get()).isFalse();
        assertThat(model.error().get()).isEmpty();
    }
}
