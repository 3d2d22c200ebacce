package murmur.app.settings;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.fx.Problems;
import murmur.app.fx.RelativeTime;
import murmur.app.fx.Subscriptions;
import murmur.timeline.DeviceInfo;
import murmur.timeline.TimelineService;

/**
 * Settings: change password (old, new, repeated), the recovery phrase shown again after the password, and the
 * account's devices with rename, revoke and "sign out other devices". Results and failures land in words in the
 * section's message; a service without device keys yet shows {@link #devicesNote()} instead of a list.
 */
public final class SettingsViewModel {
    static final String NO_DEVICES = "Devices appear here once this account uses device keys.";

    private final TimelineService service;
    private final Clock clock;
    private final Executor ui;
    private final Subscriptions subscriptions = new Subscriptions();

    private final StringProperty oldPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final StringProperty passwordMessage = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canChangePassword;

    private final StringProperty phrasePassword = new SimpleStringProperty("");
    private final StringProperty phrase = new SimpleStringProperty("");
    private final StringProperty phraseError = new SimpleStringProperty("");

    private final ObservableList<DeviceItem> devices = FXCollections.observableArrayList();
    private final StringProperty devicesNote = new SimpleStringProperty("");
    private final StringProperty devicesError = new SimpleStringProperty("");

    public SettingsViewModel(TimelineService service, Clock clock, Executor ui) {
        this.service = service;
        this.clock = clock;
        this.ui = ui;
        canChangePassword = Bindings.createBooleanBinding(() -> !busy.get() && !oldPassword.get().isEmpty()
                && !newPassword.get().isEmpty() && !repeatPassword.get().isEmpty(), busy, oldPassword, newPassword,
                repeatPassword);
        oldPassword.addListener((obs, was, now) -> passwordError.set(""));
        newPassword.addListener((obs, was, now) -> passwordError.set(""));
        repeatPassword.addListener((obs, was, now) -> passwordError.set(""));
        phrasePassword.addListener((obs, was, now) -> phraseError.set(""));
    }

    /** Starts listening to the device list; the page calls this when shown. */
    public void activate() {
        subscriptions.closeAll();
        try {
            subscriptions.add(service.devices().subscribe(list -> ui.execute(() -> showDevices(list))));
            devicesNote.set("");
        } catch (UnsupportedOperationException e) {
            devices.clear();
            devicesNote.set(NO_DEVICES);
        }
    }

    /** Stops listening and forgets the phrase shown; the page calls this when left. */
    public void deactivate() {
        subscriptions.closeAll();
        hidePhrase();
    }

    public StringProperty oldPassword() {
        return oldPassword;
    }

    public StringProperty newPassword() {
        return newPassword;
    }

    public StringProperty repeatPassword() {
        return repeatPassword;
    }

    public ReadOnlyStringProperty passwordMessage() {
        return passwordMessage;
    }

    public ReadOnlyStringProperty passwordError() {
        return passwordError;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public BooleanBinding canChangePassword() {
        return canChangePassword;
    }

    public StringProperty phrasePassword() {
        return phrasePassword;
    }

    /** The 24 words, numbered, once {@link #showPhrase()} succeeded; empty otherwise. */
    public ReadOnlyStringProperty phrase() {
        return phrase;
    }

    public ReadOnlyStringProperty phraseError() {
        return phraseError;
    }

    public ObservableList<DeviceItem> devices() {
        return devices;
    }

    public ReadOnlyStringProperty devicesNote() {
        return devicesNote;
    }

    public ReadOnlyStringProperty devicesError() {
        return devicesError;
    }

    public void changePassword() {
        if (!canChangePassword.get()) {
            return;
        }
        passwordMessage.set("");
        if (!newPassword.get().equals(repeatPassword.get())) {
            passwordError.set("The new password and its repetition differ. Type the same new password twice.");
            return;
        }
        if (newPassword.get().equals(oldPassword.get())) {
            passwordError.set("The new password is the same as the old one.");
            return;
        }
        busy.set(true);
        call(() -> service.changePassword(oldPassword.get(), newPassword.get())).whenCompleteAsync((v, failure) -> {
            busy.set(false);
            if (failure != null) {
                passwordError.set(Problems.describe(failure));
            } else {
                oldPassword.set("");
                newPassword.set("");
                repeatPassword.set("");
                passwordMessage.set("Password changed. Sign in with the new one on every device from now on.");
            }
        }, ui);
    }

    public void showPhrase() {
        if (phrasePassword.get().isEmpty()) {
            phraseError.set("Type your password to see the recovery phrase.");
            return;
        }
        call(() -> service.recoveryPhrase(phrasePassword.get())).whenCompleteAsync((words, failure) -> {
            phrasePassword.set("");
            if (failure != null) {
                phraseError.set(Problems.describe(failure));
            } else {
                List<String> numbered = new ArrayList<>();
                for (int i = 0; i < words.size(); i++) {
                    numbered.add((i + 1) + ". " + words.get(i));
                }
                phrase.set(String.join("   ", numbered));
            }
        }, ui);
    }

    public void hidePhrase() {
        phrase.set("");
    }

    public void rename(String deviceId, String name) {
        if (name == null || name.isBlank()) {
            devicesError.set("A device needs a name.");
            return;
        }
        device(() -> service.renameDevice(deviceId, name.strip()));
    }

    public void revoke(String deviceId) {
        device(() -> service.revokeDevice(deviceId));
    }

    public void signOutOtherDevices() {
        device(service::signOutOtherDevices);
    }

    private void device(Supplier<CompletableFuture<Void>> action) {
        devicesError.set("");
        call(action).whenCompleteAsync((v, failure) -> {
            if (failure != null) {
                devicesError.set(Problems.describe(failure));
            }
        }, ui);
    }

    private void showDevices(List<DeviceInfo> list) {
        ZoneId zone = clock.getZone();
        devices.setAll(list.stream().map(d -> new DeviceItem(d.id(), d.name(), detail(d, zone), d.revoked(),
                d.thisDevice())).toList());
    }

    private String detail(DeviceInfo d, ZoneId zone) {
        if (d.revoked()) {
            return "revoked " + RelativeTime.since(d.revokedAt().get(), clock.instant(), zone);
        }
        if (d.thisDevice()) {
            return "this device";
        }
        return d.lastSeen().map(t -> "last seen " + RelativeTime.since(t, clock.instant(), zone))
                .orElse("not seen yet");
    }

    private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
