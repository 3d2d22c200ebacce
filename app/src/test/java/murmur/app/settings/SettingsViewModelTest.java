package murmur.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import murmur.timeline.DeviceInfo;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock).user("alice", PASSWORD).withRecoveryPhrases();
    private final FakeTimeline service = (FakeTimeline) accounts.login("alice", PASSWORD).join();
    private final SettingsViewModel model = new SettingsViewModel(service, clock, Runnable::run);

    @Test
    void changingThePasswordNeedsTheOldOneAndTheNewOneTwice() {
        assertThat(model.canChangePassword().get()).isFalse();
        model.oldPassword().set(PASSWORD);
        model.newPassword().set("copper violin harbor 42");
        model.repeatPassword().set("copper violin harbor 24");
        assertThat(model.canChangePassword().get()).isTrue();
        model.changePassword();
        assertThat(model.passwordError().get()).contains("differ");
        assertThat(accounts.passwordOf("alice")).isEqualTo(PASSWORD);

        model.repeatPassword().set("copper violin harbor 42");
        assertThat(model.passwordError().get()).as("typing clears the error").isEmpty();
        model.changePassword();
        assertThat(model.passwordError().get()).isEmpty();
        assertThat(model.passwordMessage().get()).startsWith("Password changed");
        assertThat(accounts.passwordOf("alice")).isEqualTo("copper violin harbor 42");
        assertThat(model.oldPassword().get()).isEmpty();
        assertThat(model.newPassword().get()).isEmpty();
    }

    @Test
    void aWrongOldPasswordOrAWeakNewOneIsSaidInWords() {
        model.oldPassword().set("not the password");
        model.newPassword().set("copper violin harbor 42");
        model.repeatPassword().set("copper violin harbor 42");
        model.changePassword();
        assertThat(model.passwordError().get()).isEqualTo("Wrong password. Check it and try again.");

        model.oldPassword().set(PASSWORD);
        model.newPassword().set("password1");
        model.repeatPassword().set("password1");
        model.changePassword();
        assertThat(model.passwordError().get()).isNotEmpty().doesNotContain("Exception");
        assertThat(accounts.passwordOf("alice")).isEqualTo(PASSWORD);
    }

    @Test
    void thePhraseShowsOnlyAfterThePassword() {
        model.showPhrase();
        assertThat(model.phraseError().get()).contains("Type your password");
        model.phrasePassword().set("wrong one");
        model.showPhrase();
        assertThat(model.phraseError().get()).startsWith("Wrong password");
        assertThat(model.phrase().get()).isEmpty();

        model.phrasePassword().set(PASSWORD);
        model.showPhrase();
        assertThat(model.phrase().get()).startsWith("1. abandon   2. ability").endsWith("24. actual");
        assertThat(model.phrasePassword().get()).as("the password is not kept").isEmpty();
        model.deactivate();
        assertThat(model.phrase().get()).as("leaving the page hides it").isEmpty();
    }

    @Test
    void withoutDeviceKeysTheDevicesSectionSaysSoInsteadOfFailing() {
        model.activate();
        assertThat(model.devicesNote().get()).isEqualTo(SettingsViewModel.NO_DEVICES);
        assertThat(model.devices()).isEmpty();
        model.signOutOtherDevices();
        assertThat(model.devicesError().get()).isEmpty();
    }

    @Test
    void devicesAreListedInWordsAndFollowTheService() {
        Instant now = clock.instant();
        var live = service.withDevices(List.of(
                new DeviceInfo("1", "laptop", now.minus(Duration.ofDays(3)), Optional.of(now), Optional.empty(), true),
                new DeviceInfo("2", "phone", now.minus(Duration.ofDays(2)),
                        Optional.of(now.minus(Duration.ofMinutes(5))), Optional.empty(), false)));
        model.activate();
        assertThat(model.devicesNote().get()).isEmpty();
        assertThat(model.devices()).extracting(DeviceItem::name, DeviceItem::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("laptop", "this device"),
                        org.assertj.core.groups.Tuple.tuple("phone", "last seen 5 min"));

        model.rename("2", "  old phone ");
        model.revoke("2");
        model.signOutOtherDevices();
        assertThat(service.deviceCalls()).containsExactly("rename 2 old phone", "revoke 2", "signOutOthers");
        model.rename("2", " ");
        assertThat(model.devicesError().get()).isEqualTo("A device needs a name.");
        model.revoke("1");
        assertThat(model.devicesError().get()).startsWith("This device cannot revoke itself");

        live.set(List.of(new DeviceInfo("2", "phone", now, Optional.empty(), Optional.of(now.minus(
                Duration.ofHours(2))), false)));
        assertThat(model.devices()).extracting(DeviceItem::detail).containsExactly("revoked 2 h");
        assertThat(model.devices().get(0).revoked()).isTrue();
    }
}
