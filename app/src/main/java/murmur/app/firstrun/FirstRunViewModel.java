package murmur.app.firstrun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import murmur.app.firstrun.SeedCheck.Answer;
import murmur.config.HostPort;
import murmur.config.SettingsException;
import murmur.config.UserSettingsFile;

/**
 * The bootstrap node's address and "Connect". Connect checks the form of the address, then asks the node whether
 * it answers ({@link SeedCheck}); while it asks, {@link #busy()} is true and {@link #progress()} says so. A node that
 * answers is saved in the user's settings file, then handed to the callback on the UI thread; anything else lands in
 * {@link #error()} as a sentence that says what to check, and nothing is saved.
 */
public final class FirstRunViewModel {
    /** How long a node has to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** The example address the field shows while empty. */
    public static final String EXAMPLE = "bootstrap.example.org:4100";

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");

    private final SeedCheck check;
    private final UserSettingsFile settings;
    private final Executor ui;
    private final Consumer<HostPort> joined;
    private final Duration timeout;
    private final StringProperty address = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canConnect;

    /**
     * @param check    asks a node whether it answers
     * @param settings where an address that answered is saved
     * @param ui       runs the outcome on the UI thread
     * @param joined   told, on the UI thread, the address that answered and was saved
     */
    public FirstRunViewModel(SeedCheck check, UserSettingsFile settings, Executor ui, Consumer<HostPort> joined) {
        this(check, settings, ui, joined, TIMEOUT);
    }

    /** As above, giving a node {@code timeout} to answer. */
    public FirstRunViewModel(SeedCheck check, UserSettingsFile settings, Executor ui, Consumer<HostPort> joined,
            Duration timeout) {
        this.check = check;
        this.settings = settings;
        this.ui = ui;
        this.joined = joined;
        this.timeout = timeout;
        canConnect = Bindings.createBooleanBinding(() -> !busy.get() && !address.get().isBlank(), busy, address);
        address.addListener((obs, was, now) -> error.set(""));
    }

    /** What the screen is for, in plain words. */
    public String explanation() {
        return "Murmur has no server. To join, it needs the address of a bootstrap node: ask whoever invited you, "
                + "or run your own with murmur-bootstrap.";
    }

    /** Where the address goes once a node answers there. */
    public String savedWhere() {
        return "Once a node answers, its address is kept in " + settings.path() + " for the next start.";
    }

    /** The address as typed: {@code host:port}. */
    public StringProperty address() {
        return address;
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

    /** True when something is typed and no check is running. */
    public BooleanBinding canConnect() {
        return canConnect;
    }

    /** Checks the typed address; saves it and moves on if a Murmur node answers there. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        String typed = address.get().strip();
        Optional<String> problem = problemWith(typed);
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        HostPort seed = HostPort.parse(typed);
        busy.set(true);
        error.set("");
        progress.set("Asking " + seed + " whether a Murmur node answers there…");
        CompletableFuture<Answer> answer;
        try {
            answer = check.check(seed, timeout).thenApply(a -> {
                if (a == Answer.ANSWERED) {
                    settings.saveBootstrapSeeds(List.of(seed));
                }
                return a;
            });
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenCompleteAsync((a, failure) -> {
            busy.set(false);
            progress.set("");
            if (failure != null) {
                error.set(describe(seed, unwrap(failure)));
            } else if (a == Answer.ANSWERED) {
                try {
                    joined.accept(seed);
                } catch (RuntimeException e) {
                    error.set("Murmur could not start: " + e.getMessage());
                }
            } else {
                error.set(describe(seed, a));
            }
        }, ui);
    }

    /** What is wrong with the form of {@code typed}, in words; empty when it is a usable {@code host:port}. */
    static Optional<String> problemWith(String typed) {
        String example = " like " + EXAMPLE + ".";
        if (typed.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            return Optional.of("Type just host:port, without '" + typed.substring(0, typed.indexOf("://") + 3)
                    + "'," + example);
        }
        int colon = typed.lastIndexOf(':');
        boolean bracketed = typed.startsWith("[");
        if (colon < 0 || (bracketed && colon < typed.indexOf(']'))) {
            return Optional.of("Add the port after a colon," + example);
        }
        String host = typed.substring(0, colon);
        String port = typed.substring(colon + 1);
        if (host.isEmpty()) {
            return Optional.of("Type the host name or IP address before the colon," + example);
        }
        if (!bracketed && host.contains(":")) {
            return Optional.of("Put an IPv6 address in brackets, like [2001:db8::1]:4100.");
        }
        if (port.isEmpty()) {
            return Optional.of("Add the port after the colon," + example);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            return Optional.of("The port must be a number from 1 to 65535 (a bootstrap node's is usually 4100), got '"
                    + port + "'.");
        }
        if (bracketed) {
            String inside = host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
            return inside.contains(":") && HostPort.ipLiteral(inside).isPresent() ? Optional.empty()
                    : Optional.of("'" + host + "' is not an IPv6 address.");
        }
        if (HostPort.isIpLiteral(host)) {
            return HostPort.ipLiteral(host).isPresent() ? Optional.empty()
                    : Optional.of("'" + host + "' is not an IP address: each of its four numbers must be 0 to 255.");
        }
        if (host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
            return Optional.of("'" + host + "' is not a host name: use letters, digits, dots and hyphens, or an IP"
                    + " address.");
        }
        return Optional.empty();
    }

    private String describe(HostPort seed, Answer answer) {
        if (answer == Answer.UNKNOWN_HOST) {
            return "Cannot find the host '" + seed.host() + "': check the spelling.";
        }
        return "No Murmur node answered at " + seed + " within " + seconds(timeout) + ". Check the address, and that"
                + " the node is running and its UDP port " + seed.port() + " is open.";
    }

    private static String describe(HostPort seed, Throwable failure) {
        if (failure instanceof SettingsException e) {
            return "A Murmur node answered at " + seed + ", but its address could not be saved: " + e.getMessage()
                    + ".";
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Could not ask " + seed + ": " + why + ".";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
