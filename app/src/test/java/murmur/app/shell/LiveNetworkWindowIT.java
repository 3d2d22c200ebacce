package murmur.app.shell;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import murmur.app.feed.PostItem;
import murmur.app.notifications.NotificationItem;
import murmur.app.testing.FxWait;
import murmur.app.testing.PhraseConfirmation;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window on a real network on loopback: three bootstrap nodes, the window's peer and bob's peer. */
@ExtendWith(ApplicationExtension.class)
class LiveNetworkWindowIT {
    private static final Duration NETWORK = Duration.ofSeconds(20);
    private static final AtomicInteger WINDOWS = new AtomicInteger();

    @TempDir
    static Path dir;
    static LocalNet net;
    static TimelineService bob;

    private TimelinePeer mine;

    @BeforeAll
    static void network() {
        net = LocalNet.start(3, List.of());
        bob = await(net.peer(dir.resolve("bob")).register("bob", "bob kayak thunder"));
        await(bob.post("hello from bob"));
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Start
    void start(Stage stage) {
        mine = net.peer(dir.resolve("window-" + WINDOWS.incrementAndGet()));
        new MurmurWindow(mine, Clock.systemUTC(), Platform::runLater, List.of("bob"), false).show(stage);
    }

    @AfterEach
    void stopWindowPeer() {
        net.stop(mine);
    }

    private static void fill(FxRobot robot, String name, String password) {
        robot.interact(() -> {
            robot.lookup("#name").queryTextInputControl().setText(name);
            robot.lookup("#password").queryTextInputControl().setText(password);
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void awaitSignedIn(FxRobot robot) {
        FxWait.shown(robot, "#compose", NETWORK);
    }

    @Test
    void registerPostAndSeeThePost(FxRobot robot) {
        fill(robot, "ann", "ann kayak thunder");
        robot.clickOn("#register");
        PhraseConfirmation.confirm(robot, NETWORK);
        awaitSignedIn(robot);

        robot.clickOn("#compose").write("first post on a real network");
        robot.clickOn("#postButton");

        ListView<PostItem> timeline = robot.lookup("#timeline").queryListView();
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems())
                .extracting(PostItem::author, PostItem::text)
                .containsExactly(tuple("ann", "first post on a real network")));
        assertThat(timeline.getItems().get(0).age()).isEqualTo("now");
    }

    @Test
    void aTakenNameAndAWrongPasswordAreShownAsErrors(FxRobot robot) {
        fill(robot, "bob", "another-password");
        robot.clickOn("#register");
        await().atMost(NETWORK).untilAsserted(() -> assertThat(text(robot, "#error"))
                .isEqualTo("The name 'bob' is taken; choose another."));

        robot.clickOn("#signIn");
        await().atMost(NETWORK).untilAsserted(() -> assertThat(text(robot, "#error"))
                .isEqualTo("Wrong password. Check it and try again."));
        assertThat(robot.lookup("#compose").tryQuery()).isEmpty();
    }

    @Test
    void aFollowFromWhileAwayIsANotificationAtTheNextSignIn(FxRobot robot) {
        fill(robot, "cat", "cat kayak thunder");
        robot.clickOn("#register");
        PhraseConfirmation.confirm(robot, NETWORK);
        awaitSignedIn(robot);
        robot.clickOn("#signOut");
        FxWait.shown(robot, "#signIn", NETWORK);

        await(bob.follow("cat"));

        fill(robot, "cat", "cat kayak thunder");
        robot.clickOn("#signIn");
        awaitSignedIn(robot);
        await().atMost(NETWORK).untilAsserted(() -> assertThat(text(robot, "#unreadBadge")).isEqualTo("1"));
        robot.clickOn("#navNotifications");
        ListView<NotificationItem> list = robot.lookup("#notifications").queryListView();
        await().atMost(NETWORK).untilAsserted(() -> assertThat(list.getItems())
                .extracting(NotificationItem::text, NotificationItem::whileAway)
                .containsExactly(tuple("bob followed you", true)));
        assertThat(robot.lookup("while you were away").tryQuery()).isPresent();
    }

    @Test
    void followBobAndSeeHisPostsArrive(FxRobot robot) {
        fill(robot, "dan", "dan kayak thunder");
        robot.clickOn("#register");
        PhraseConfirmation.confirm(robot, NETWORK);
        awaitSignedIn(robot);
        FxWait.shown(robot, "#follow-bob", NETWORK);
        robot.clickOn("#follow-bob");

        await(bob.post("live from bob"));
        ListView<PostItem> timeline = robot.lookup("#timeline").queryListView();
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .contains("live from bob", "hello from bob"));
    }
}
