package murmur.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.app.fakes.FakeAccounts;
import murmur.dht.TestClock;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
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
    void aGuessablePasswordIsRefusedSayingWhyInWords() {
        accounts.checkPasswords();
        model.name().set("bob");
        model.password().set("password1");
        model.register();
        assertThat(signedIn).isEmpty();
        assertThat(model.error().get())
                .startsWith("This password is too easy to guess: this is a very common password.")
                .contains("Add another word or two");
        model.password().set("ember violin quarry 9");
        model.register();
        assertThat(signedIn).extracting(TimelineService::user).containsExactly("bob");
        assertThat(model.passwordRules()).contains("hard to guess");
    }

    @Test
    void aPeerThatCouldNotStartSaysWhyBeforeAnyoneSignsIn() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        SignInViewModel waiting = new SignInViewModel(accounts, Runnable::run, signedIn::add, started);
        assertThat(waiting.error().get()).isEmpty();
        started.completeExceptionally(new TimelineException(Reason.DATA_DIR_IN_USE,
                "the data directory /home/a/.murmur is in use by another Murmur (process 42)"));
        assertThat(waiting.error().get())
                .isEqualTo("The data directory /home/a/.murmur is in use by another Murmur (process 42).");
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
