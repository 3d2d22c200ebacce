package murmur.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import murmur.app.fakes.FakeAccounts;
import murmur.app.testing.FxWait;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window: the phrase to confirm after Create account, restore on the sign-in screen, Settings (Ctrl+4). */
@ExtendWith(ApplicationExtension.class)
class RecoveryWindowTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock).user("bob", PASSWORD).withRecoveryPhrases();

    @Start
    void start(Stage stage) {
        new MurmurWindow(accounts, clock, Platform::runLater, List.of("bob"), false).show(stage);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void aNewAccountConfirmsItsPhraseBeforeEnteringTheApp(FxRobot robot) {
        robot.clickOn("#name").write("alice");
        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#register");
        FxWait.shown(robot, "#confirmPhrase", LIMIT);
        assertThat(robot.lookup("1. abandon").tryQuery()).isPresent();
        assertThat(robot.lookup("24. actual").tryQuery()).isPresent();
        assertThat(robot.lookup("#compose").tryQuery()).isEmpty();

        robot.clickOn("#confirmWord0").write("wrong");
        robot.clickOn("#confirmPhraseButton");
        await().untilAsserted(() -> assertThat(text(robot, "#confirmError")).contains("match the phrase"));
        assertThat(robot.lookup("#compose").tryQuery()).isEmpty();

        for (int i = 0; i < 3; i++) {
            String question = robot.lookup("#confirmPhrase").queryParent().lookupAll(".label").stream()
                    .map(n -> ((Label) n).getText()).filter(t -> t.startsWith("Word ")).toList().get(i);
            int position = Integer.parseInt(question.substring("Word ".length()));
            var field = robot.lookup("#confirmWord" + i).queryTextInputControl();
            robot.interact(field::clear);
            robot.clickOn("#confirmWord" + i).write(FakeAccounts.PHRASE.get(position - 1));
        }
        robot.clickOn("#confirmPhraseButton");
        FxWait.shown(robot, "#compose", LIMIT);
        assertThat(text(robot, "#signedInUser")).isEqualTo("@alice");
    }

    @Test
    void restoreWithThePhraseThenSettingsChangesThePasswordAndShowsThePhrase(FxRobot robot) {
        robot.clickOn("#restoreLink");
        FxWait.shown(robot, "#phrase", LIMIT);
        robot.clickOn("#name").write("bob");
        robot.clickOn("#phrase").write(String.join(" ", FakeAccounts.PHRASE.subList(0, 23)) + " zoo");
        robot.clickOn("#password").write("copper violin harbor 42");
        robot.clickOn("#restore");
        await().untilAsserted(() -> assertThat(text(robot, "#error")).contains("not the one of 'bob'"));
        var typed = robot.lookup("#phrase").queryTextInputControl();
        robot.interact(typed::clear);
        robot.clickOn("#phrase").write(String.join(" ", FakeAccounts.PHRASE));
        robot.clickOn("#restore");
        FxWait.shown(robot, "#compose", LIMIT);
        assertThat(accounts.passwordOf("bob")).isEqualTo("copper violin harbor 42");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        FxWait.shown(robot, "#settingsPage", LIMIT);
        assertThat(robot.lookup("#navSettings").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(text(robot, "#devicesNote")).isEqualTo("Devices appear here once this account uses device keys.");

        robot.clickOn("#oldPassword").write("copper violin harbor 42");
        robot.clickOn("#newPassword").write("amber falcon river 99");
        robot.clickOn("#repeatPassword").write("amber falcon river 99");
        robot.clickOn("#changePassword");
        await().untilAsserted(() -> assertThat(text(robot, "#passwordMessage")).startsWith("Password changed"));
        assertThat(accounts.passwordOf("bob")).isEqualTo("amber falcon river 99");

        robot.clickOn("#phrasePassword").write("copper violin harbor 42");
        robot.clickOn("#showPhrase");
        await().untilAsserted(() -> assertThat(text(robot, "#phraseError")).startsWith("Wrong password"));
        robot.clickOn("#phrasePassword").write("amber falcon river 99");
        robot.clickOn("#showPhrase");
        await().untilAsserted(() -> assertThat(text(robot, "#shownPhrase")).startsWith("1. abandon"));
    }
}
