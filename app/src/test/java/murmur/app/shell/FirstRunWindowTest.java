package murmur.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import murmur.app.fakes.FakeAccounts;
import murmur.app.firstrun.SeedCheck;
import murmur.app.firstrun.SeedCheck.Answer;
import murmur.app.testing.FxWait;
import murmur.config.HostPort;
import murmur.config.UserSettingsFile;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run screen in its window: a typed address that is malformed or where no node answers is said in words;
 * one that answers is saved, the peer is started through it and the sign-in screen follows in the same window.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunWindowTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final HostPort GOOD = new HostPort("boot.example.org", 4100);

    private final FakeAccounts accounts = new FakeAccounts(new TestClock(Instant.parse("2025-01-01T10:00:00Z")))
            .user("bob", "pw-bob");
    private final List<HostPort> asked = new CopyOnWriteArrayList<>();
    private final List<HostPort> started = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Answer> held;

    @TempDir
    static Path dataDir;

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.deleteIfExists(dataDir.resolve("settings.yaml"));
        SeedCheck check = (seed, timeout) -> {
            asked.add(seed);
            CompletableFuture<Answer> h = held;
            if (h != null) {
                return h;
            }
            return CompletableFuture.completedFuture(seed.equals(GOOD) ? Answer.ANSWERED : Answer.NO_ANSWER);
        };
        new FirstRunWindow(check, UserSettingsFile.in(dataDir), seed -> {
            started.add(seed);
            return new StartingPeer(accounts, CompletableFuture.completedFuture(null));
        }, Platform::runLater, false).show(stage);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theScreenSaysWhatItNeedsAndConnectWaitsForAnAddress(FxRobot robot) {
        assertThat(text(robot, "#explanation")).isEqualTo("Murmur has no server. To join, it needs the address of a "
                + "bootstrap node: ask whoever invited you, or run your own with murmur-bootstrap.");
        assertThat(robot.lookup("#bootstrapAddress").queryTextInputControl().getPromptText())
                .isEqualTo("bootstrap.example.org:4100");
        assertThat(robot.lookup("#connect").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Murmur");
    }

    @Test
    void aMalformedAddressAndANodeThatDoesNotAnswerAreSaidInWords(FxRobot robot) {
        robot.clickOn("#bootstrapAddress").write("boot.example.org");
        robot.type(KeyCode.ENTER);
        await().atMost(LIMIT).untilAsserted(() -> assertThat(text(robot, "#error"))
                .isEqualTo("Add the port after a colon, like bootstrap.example.org:4100."));
        assertThat(asked).isEmpty();

        robot.write(":9");
        assertThat(robot.lookup("#error").query().isVisible()).as("typing clears the error").isFalse();
        robot.clickOn("#connect");
        await().atMost(LIMIT).untilAsserted(() -> assertThat(text(robot, "#error")).isEqualTo(
                "No Murmur node answered at boot.example.org:9 within 3 s. Check the address, and that the node is "
                        + "running and its UDP port 9 is open."));
        assertThat(asked).containsExactly(new HostPort("boot.example.org", 9));
        assertThat(started).isEmpty();
        assertThat(Files.exists(dataDir.resolve("settings.yaml"))).isFalse();
        assertThat(robot.lookup("#name").tryQuery()).as("still on the first-run screen").isEmpty();
    }

    @Test
    void whileTheNodeIsAskedTheFormIsBusy(FxRobot robot) {
        held = new CompletableFuture<>();
        robot.clickOn("#bootstrapAddress").write("boot.example.org:4100");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#progress").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#progress")).contains("boot.example.org:4100");
        assertThat(robot.lookup("#connect").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#bootstrapAddress").query().isDisabled()).isTrue();

        held.complete(Answer.ANSWERED);
        FxWait.shown(robot, "#name", LIMIT);
    }

    @Test
    void aNodeThatAnswersIsSavedAndSignInFollowsInTheSameWindow(FxRobot robot) {
        robot.clickOn("#bootstrapAddress").write("boot.example.org:4100");
        robot.type(KeyCode.ENTER);

        FxWait.shown(robot, "#name", LIMIT);
        assertThat(started).containsExactly(GOOD);
        assertThat(UserSettingsFile.in(dataDir).read().app().bootstrapSeeds()).containsExactly("boot.example.org:4100");
        assertThat(robot.lookup("#bootstrapAddress").tryQuery()).isEmpty();
        assertThat(stage.isShowing()).isTrue();

        robot.clickOn("#name").write("bob");
        robot.clickOn("#password").write("pw-bob");
        robot.clickOn("#signIn");
        FxWait.shown(robot, "#compose", LIMIT);
        assertThat(stage.getTitle()).isEqualTo("Murmur · @bob");
    }
}
