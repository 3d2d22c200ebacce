package murmur.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.app.feed.PostItem;
import murmur.app.testing.FxWait;
import murmur.dht.TestClock;
import murmur.timeline.Fanout;
import murmur.timeline.Notification;
import murmur.timeline.Reachability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on an in-memory network: sign-in errors, posting, the counter and notifications. */
@ExtendWith(ApplicationExtension.class)
class WindowTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock).user("bob", "pw-bob");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MurmurWindow(accounts, clock, Platform::runLater, List.of("bob"), false).show(stage);
    }

    private void signIn(FxRobot robot, String button, String name, String password) {
        robot.clickOn("#name").write(name);
        robot.clickOn("#password").write(password);
        robot.clickOn(button);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void registerPostAndSeeThePostWithItsDelivery(FxRobot robot) {
        signIn(robot, "#register", "alice", "pw-alice");
        FxWait.shown(robot, "#compose", Duration.ofSeconds(10));
        assertThat(text(robot, "#signedInUser")).isEqualTo("@alice");
        assertThat(stage.getTitle()).isEqualTo("Murmur · @alice");

        robot.clickOn("#compose").write("hello murmur");
        assertThat(text(robot, "#counter")).isEqualTo("12 / 20");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        ListView<PostItem> timeline = robot.lookup("#timeline").queryListView();
        await().untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .containsExactly("hello murmur"));
        assertThat(timeline.getItems().get(0).delivery()).isEqualTo("not received by any follower yet");
        assertThat(robot.lookup("hello murmur").tryQuery()).isPresent();
        assertThat(robot.lookup("#compose").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void theStatusBarSaysWhetherOtherComputersCanReachThisOne(FxRobot robot) {
        assertThat(text(robot, "#reachabilityStatus")).startsWith("Checking whether other computers");

        accounts.reachabilityValue().set(new Reachability(Reachability.State.UNREACHABLE, List.of(), "",
                "Behind a router that could not be opened"));

        await().untilAsserted(() -> assertThat(text(robot, "#reachabilityStatus"))
                .isEqualTo("Behind a router that could not be opened"));
        assertThat(robot.lookup("#reachabilityStatus").queryAs(Label.class).getStyleClass())
                .contains("warning-text");
    }

    @Test
    void theStatusBarSaysHowManyCopiesOfEachPostLeaveThisComputer(FxRobot robot) {
        assertThat(text(robot, "#fanoutStatus")).isEqualTo("Uplink not measured yet · each post leaves as 2 copies");

        accounts.fanoutValue().set(new Fanout(4, 650_000, Fanout.Basis.MEASURED));

        await().untilAsserted(() -> assertThat(text(robot, "#fanoutStatus"))
                .isEqualTo("Uplink 650 kbit/s (measured) · each post leaves as 4 copies"));
    }

    @Test
    void aTakenNameAndAWrongPasswordAreShownInWords(FxRobot robot) {
        signIn(robot, "#register", "bob", "anything");
        await().untilAsserted(() -> assertThat(text(robot, "#error")).contains("'bob' is taken"));

        robot.doubleClickOn("#password").eraseText(8).write("wrong");
        robot.clickOn("#signIn");
        await().untilAsserted(() -> assertThat(text(robot, "#error")).isEqualTo(
                "Wrong password. Check it and try again."));
        assertThat(robot.lookup("#compose").tryQuery()).isEmpty();
    }

    @Test
    void whileSigningInTheFormIsBusy(FxRobot robot) {
        accounts.hold();
        signIn(robot, "#signIn", "bob", "pw-bob");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#progress").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#name").query().isDisabled()).isTrue();
        accounts.release();
        FxWait.shown(robot, "#compose", Duration.ofSeconds(10));
    }

    @Test
    void notificationsShowTheUnreadCountUntilSeenAndCtrl2OpensThem(FxRobot robot) {
        signIn(robot, "#signIn", "bob", "pw-bob");
        FxWait.shown(robot, "#compose", Duration.ofSeconds(10));
        FakeTimeline bob = accounts.session("bob");
        bob.notify(new Notification(Notification.Kind.FOLLOW, "carol", clock.instant().minus(Duration.ofHours(2)),
                true));
        bob.notify(new Notification(Notification.Kind.UNFOLLOW, "dave", clock.instant(), false));
        await().untilAsserted(() -> assertThat(text(robot, "#unreadBadge")).isEqualTo("2"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        await().untilAsserted(() -> assertThat(bob.unreadNotifications().get()).isZero());
        assertThat(robot.lookup("#navNotifications").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("while you were away").tryQuery()).isPresent();
        assertThat(robot.lookup("#unreadBadge").query().isVisible()).isFalse();
    }

    @Test
    void followFromWhoToFollowAndOpenTheirProfile(FxRobot robot) {
        accounts.register("carol", "pw-carol").join().post("carol was here").join();
        signIn(robot, "#register", "alice", "pw-alice");
        FxWait.shown(robot, "#follow-bob", Duration.ofSeconds(10));
        robot.clickOn("#follow-bob");
        await().untilAsserted(() -> assertThat(accounts.session("alice").following().get()).containsExactly("bob"));

        robot.clickOn("#search").write("carol").type(KeyCode.ENTER);
        await().untilAsserted(() -> assertThat(text(robot, "#profileName")).isEqualTo("carol"));
        ListView<PostItem> posts = robot.lookup("#profilePosts").queryListView();
        await().untilAsserted(() -> assertThat(posts.getItems()).extracting(PostItem::text)
                .containsExactly("carol was here"));
        robot.clickOn("#followButton");
        await().untilAsserted(() -> assertThat(accounts.session("alice").following().get())
                .containsExactlyInAnyOrder("bob", "carol"));
        await().untilAsserted(() -> assertThat(robot.lookup("#followButton").queryButton().getText())
                .isEqualTo("Unfollow"));
    }

    @Test
    void closingTheWindowSignsOutFirst(FxRobot robot) {
        signIn(robot, "#signIn", "bob", "pw-bob");
        FxWait.shown(robot, "#compose", Duration.ofSeconds(10));
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        await().untilAsserted(() -> assertThat(stage.isShowing()).isFalse());
        assertThat(accounts.session("bob").loggedOut()).isTrue();
    }
}
