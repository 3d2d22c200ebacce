package murmur.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import murmur.app.fakes.FakeAccounts;
import murmur.dht.TestClock;
import murmur.timeline.TimelineService;
import org.junit.jupiter.api.Test;

/** The phrase to confirm after Create account, and Restore with recovery phrase. */
class RecoveryPhraseViewModelTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private final FakeAccounts accounts = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")))
            .user("alice", PASSWORD).withRecoveryPhrases();
    private final List<TimelineService> signedIn = new ArrayList<>();
    private final SignInViewModel model = new SignInViewModel(accounts, Runnable::run, signedIn::add);

    @Test
    void registeringShowsThePhraseAndSignsInOnlyOnceThreeWordsAreTypedBack() {
        model.name().set("bob");
        model.password().set(PASSWORD);
        model.register();
        assertThat(signedIn).as("not before the phrase is confirmed").isEmpty();
        ConfirmPhraseViewModel confirm = model.confirmation().get();
        assertThat(confirm.phrase()).isEqualTo(FakeAccounts.PHRASE);
        assertThat(confirm.asked()).hasSize(3).doesNotHaveDuplicates().isSorted();
        assertThat(model.password().get()).isEmpty();

        confirm.answer(0).set("wrong");
        confirm.answer(1).set(FakeAccounts.PHRASE.get(confirm.asked().get(1)));
        confirm.answer(2).set("  " + FakeAccounts.PHRASE.get(confirm.asked().get(2)).toUpperCase() + " ");
        confirm.confirm();
        assertThat(confirm.error().get()).isEqualTo("Word " + (confirm.asked().get(0) + 1)
                + " does not match the phrase. Check what you wrote down.");
        assertThat(signedIn).isEmpty();

        confirm.answer(0).set(FakeAccounts.PHRASE.get(confirm.asked().get(0)));
        assertThat(confirm.error().get()).isEmpty();
        confirm.confirm();
        assertThat(signedIn).extracting(TimelineService::user).containsExactly("bob");
        assertThat(model.confirmation().get()).isNull();
    }

    @Test
    void theAskedWordsAreChosenAtRandom() {
        List<List<Integer>> seen = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            seen.add(new ConfirmPhraseViewModel(FakeAccounts.PHRASE, new Random(seed), () -> { }).asked());
        }
        assertThat(seen.stream().distinct().count()).isGreaterThan(1);
        assertThat(new ConfirmPhraseViewModel(FakeAccounts.PHRASE, new Random(1), () -> { }).numbered())
                .startsWith("1. abandon").endsWith("24. actual");
    }

    @Test
    void withoutAPhraseFromTheServiceRegistrationSignsInAtOnce() {
        FakeAccounts plain = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")));
        SignInViewModel m = new SignInViewModel(plain, Runnable::run, signedIn::add);
        m.name().set("carol");
        m.password().set(PASSWORD);
        m.register();
        assertThat(signedIn).extracting(TimelineService::user).containsExactly("carol");
        assertThat(m.confirmation().get()).isNull();
    }

    @Test
    void restoreTakesTheTypedWordsAndANewPassword() {
        model.restoring().set(true);
        model.name().set("alice");
        model.password().set("copper violin harbor 42");
        assertThat(model.canRestore().get()).isFalse();
        model.phrase().set(String.join(" ", FakeAccounts.PHRASE.subList(0, 12)));
        model.restore();
        assertThat(model.error().get()).isEqualTo("A recovery phrase has 24 words; this one has 12.");

        List<String> other = new ArrayList<>(FakeAccounts.PHRASE);
        other.set(0, "zoo");
        model.phrase().set(String.join(" ", other));
        model.restore();
        assertThat(model.error().get()).startsWith("This recovery phrase is not the one of 'alice'");

        model.phrase().set(String.join("\n", FakeAccounts.PHRASE).toUpperCase());
        model.restore();
        assertThat(signedIn).extracting(TimelineService::user).containsExactly("alice");
        assertThat(accounts.passwordOf("alice")).isEqualTo("copper violin harbor 42");
        assertThat(model.phrase().get()).isEmpty();
        assertThat(model.password().get()).isEmpty();
    }
}
