package murmur.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import murmur.app.fakes.FakeAccounts;
import murmur.dht.TestClock;
import murmur.timeline.TimelineService;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")))
            .user("alice", "secret-pw");
    private final List<TimelineService> signedIn = new ArrayList<>();
    private final SignInViewModel model = new SignInViewModel(accounts, Runnable::run, signedIn::add);

    @Test
    void submitNeedsAValidNameAndAPassword() {
        assertThat(model.canSubmit().get()).isFalse();
        model.name().set("Bob!");
        model.password().set("pw");
        assertThat(model.nameInvalid().get()).isTrue();
        assertThat(model.canSubmit().get()).isFalse();
        model.name().set("bob");
        assertThat(model.nameInvalid().get()).isFalse();
        assertThat(model.canSubmit().get()).isTrue();
        assertThat(model.nameRules()).contains("3 to 20 characters");
    }

    @Test
    void registeringSignsInAndForgetsThePassword() {
        model.name().set("bob");
        model.password().set("hunter22");
        model.register();
        assertThat(signedIn).extracting(TimelineService::user).containsExactly("bob");
        assertThat(model.password().get()).isEmpty();
        assertThat(model.error().get()).isEmpty();
    }

    @Test
    void aTakenNameIsAnError() {
        model.name().set("alice");
        model.password().set("whatever");
        model.register();
        assertThat(signedIn).isEmpty();
        assertThat(model.error().get()).contains("'alice' is taken");
    }

    @Test
    void aWrongPasswordIsAnErrorThatTypingClears() {
        model.name().set("alice");
        model.password().set("not-it");
        model.signIn();
        assertThat(model.error().get()).isEqualTo("Wrong password. Check it and try again.");
        model.password().set("secret-pw");
        assertThat(model.error().get()).isEmpty();
        model.signIn();
        assertThat(signedIn).extracting(TimelineService::user).containsExactly("alice");
    }

    @Test
    void signingInAsNobodyPointsToCreateAccount() {
        model.name().set("nobody");
        model.password().set("secret-pw");
        model.signIn();
        assertThat(model.error().get()).endsWith("New here? Choose Create account.");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void noNetworkSaysNoBootstrapNodeIsReachable() {
        accounts.noNetwork();
        model.name().set("alice");
        model.password().set("secret-pw");
        model.signIn();
        assertThat(model.error().get()).startsWith("No bootstrap node is reachable");
    }

    @Test
    void busyWhileTheAccountCallRuns() {
        accounts.hold();
        model.name().set("carol");
        model.password().set("pw-carol");
        model.register();
        assertThat(model.busy().get()).isTrue();
        assertThat(model.progress().get()).contains("keys");
        assertThat(model.canSubmit().get()).isFalse();
        accounts.release();
        assertThat(model.busy().get()).isFalse();
        assertThat(model.progress().get()).isEmpty();
        assertThat(signedIn).hasSize(1);
    }
}
