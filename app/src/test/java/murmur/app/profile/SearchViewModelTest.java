package murmur.app.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import murmur.app.fakes.FakeAccounts;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class SearchViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")))
            .user("bob", "pw-bob");
    private final List<String> opened = new ArrayList<>();
    private final SearchViewModel model = new SearchViewModel(accounts.register("alice", "pw").join(), Runnable::run,
            opened::add);

    @Test
    void anExistingNameOpensTheProfile() {
        model.query().set(" @Bob ");
        model.search();
        assertThat(opened).containsExactly("bob");
        assertThat(model.query().get()).isEmpty();
    }

    @Test
    void anUnknownNameIsSaidInWords() {
        model.query().set("nobody");
        model.search();
        assertThat(opened).isEmpty();
        assertThat(model.message().get()).isEqualTo("Nobody is called 'nobody'.");
    }

    @Test
    void aNameThatCannotExistNamesTheRules() {
        model.query().set("a");
        model.search();
        assertThat(model.message().get()).contains("3 to 20 characters");
    }
}
