package murmur.app.signin;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import murmur.app.fx.Problems;
import murmur.timeline.Accounts;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineService;
import murmur.timeline.UserName;

/**
 * Name, password, and the two actions on them. While an action runs, {@link #busy()} is true and
 * {@link #progress()} says what is happening; a failure lands in {@link #error()} as a sentence; success hands the
 * logged-in {@link TimelineService} to the callback on the UI thread. A new account first shows its recovery phrase
 * ({@link #confirmation()}) until the user types back three of its words; "Restore with recovery phrase" takes the
 * name, the 24 words and a new password.
 */
public final class SignInViewModel {
    private final Accounts accounts;
    private final Executor ui;
    private final Consumer<TimelineService> signedIn;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty phrase = new SimpleStringProperty("");
    private final BooleanProperty restoring = new SimpleBooleanProperty();
    private final ObjectProperty<ConfirmPhraseViewModel> confirmation = new SimpleObjectProperty<>();
    private final BooleanBinding canSubmit;
    private final BooleanBinding canRestore;
    private final BooleanBinding nameInvalid;

    public SignInViewModel(Accounts accounts, Executor ui, Consumer<TimelineService> signedIn) {
        this(accounts, ui, signedIn, CompletableFuture.completedFuture(null));
    }

    /**
     * @param started the peer's start: when it fails (another Murmur holds the data directory, say), the reason shows
     *                in {@link #error()} at once, before the user tries to sign in
     */
    public SignInViewModel(Accounts accounts, Executor ui, Consumer<TimelineService> signedIn,
            CompletableFuture<?> started) {
        this.accounts = accounts;
        this.ui = ui;
        this.signedIn = signedIn;
        canSubmit = Bindings.createBooleanBinding(
                () -> !busy.get() && UserName.isValid(name.get()) && !password.get().isEmpty(), busy, name, password);
        canRestore = Bindings.createBooleanBinding(() -> canSubmit.get() && !words(phrase.get()).isEmpty(),
                canSubmit, phrase);
        nameInvalid = Bindings.createBooleanBinding(() -> !name.get().isEmpty() && !UserName.isValid(name.get()),
                name);
        name.addListener((obs, was, now) -> error.set(""));
        password.addListener((obs, was, now) -> error.set(""));
        phrase.addListener((obs, was, now) -> error.set(""));
        restoring.addListener((obs, was, now) -> error.set(""));
        started.whenCompleteAsync((v, failure) -> {
            if (failure != null && !busy.get()) {
                error.set(Problems.describe(failure));
            }
        }, ui);
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty password() {
        return password;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyStringProperty progress() {
        return progress;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /** The recovery phrase typed for a restore: 24 words, separated by spaces or new lines. */
    public StringProperty phrase() {
        return phrase;
    }

    /** True while the sign-in card shows the restore form instead of sign in / create account. */
    public BooleanProperty restoring() {
        return restoring;
    }

    public BooleanBinding canRestore() {
        return canRestore;
    }

    /** The phrase to confirm after registering; null until then. */
    public ReadOnlyObjectProperty<ConfirmPhraseViewModel> confirmation() {
        return confirmation;
    }

    /** Splits a typed phrase into words, lower case. */
    static List<String> words(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? List.of() : List.of(t.split("[\\s,]+"));
    }

    /** What the network asks of a password, shown under the password field. */
    public String passwordRules() {
        return "At least " + Accounts.MIN_PASSWORD_CHARS + " characters and hard to guess: a few uncommon words work"
                + " well. It never leaves this computer.";
    }

    /** The rules a name must follow, shown under the name field. */
    public String nameRules() {
        return Character.toUpperCase(UserName.RULES.charAt(0)) + UserName.RULES.substring(1) + ".";
    }

    /** True while a name has been typed that breaks the rules. */
    public BooleanBinding nameInvalid() {
        return nameInvalid;
    }

    /** Creates the account, then shows its recovery phrase to confirm before signing in. */
    public void register() {
        String pw = password.get();
        AtomicReference<List<String>> words = new AtomicReference<>();
        run("Creating your keys and claiming the name on the network…", a -> a.register(name.get(), pw)
                .thenCompose(service -> service.recoveryPhrase(pw).handle((phraseWords, failure) -> {
                    words.set(failure == null ? phraseWords : null);
                    return service;
                })), canSubmit, service -> {
                    if (words.get() == null) {
                        signedIn.accept(service);
                    } else {
                        confirmation.set(new ConfirmPhraseViewModel(words.get(), new SecureRandom(), () -> {
                            confirmation.set(null);
                            signedIn.accept(service);
                        }));
                    }
                });
    }

    public void signIn() {
        run("Unlocking your keys and joining the network…", a -> a.login(name.get(), password.get()), canSubmit,
                signedIn);
    }

    /** Restores the account from the typed phrase under the typed (new) password, then signs in. */
    public void restore() {
        List<String> typed = words(phrase.get());
        run("Restoring your key from the phrase and publishing the new password…",
                a -> a.restore(name.get(), typed, password.get()), canRestore, signedIn);
    }

    private void run(String what, Function<Accounts, CompletableFuture<TimelineService>> action,
            BooleanBinding allowed, Consumer<TimelineService> done) {
        if (!allowed.get()) {
            return;
        }
        busy.set(true);
        progress.set(what);
        error.set("");
        CompletableFuture<TimelineService> result;
        try {
            result = action.apply(accounts);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenCompleteAsync((service, failure) -> {
            busy.set(false);
            progress.set("");
            if (failure != null) {
                String problem = Problems.describe(failure);
                boolean unknown = Problems.reasonOf(failure) == TimelineException.Reason.UNKNOWN_USER;
                error.set(unknown ? problem + " New here? Choose Create account." : problem);
            } else {
                password.set("");
                phrase.set("");
                done.accept(service);
            }
        }, ui);
    }
}
