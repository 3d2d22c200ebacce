package murmur.app.shell;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import murmur.app.feed.PostCell;
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
import org.testfx.util.WaitForAsyncUtils;

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

    @Test
    void replyToBobThenDeleteTheReply(FxRobot robot) {
        fill(robot, "eve", "eve kayak thunder");
        robot.clickOn("#register");
        PhraseConfirmation.confirm(robot, NETWORK);
        awaitSignedIn(robot);
        FxWait.shown(robot, "#follow-bob", NETWORK);
        robot.clickOn("#follow-bob");
        ListView<PostItem> timeline = robot.lookup("#timeline").queryListView();
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .contains("hello from bob"));

        robot.clickOn(inRow(robot, "hello from bob", ".replyButton"));
        assertThat(text(robot, "#replyBanner")).isEqualTo("Replying to @bob: hello from bob");
        robot.clickOn("#compose").write("hi bob, eve here");
        robot.clickOn("#postButton");
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems())
                .extracting(PostItem::text, PostItem::replyTo).contains(tuple("hi bob, eve here", "bob")));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(text(robot, "#replyBanner")).as("back to posting")
                .isEmpty());

        robot.clickOn(inRow(robot, "hi bob, eve here", ".deleteButton"));
        FxWait.shown(robot, ".dialog-pane", NETWORK);
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                && "Delete".equals(b.getText())).queryButton());
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .doesNotContain("hi bob, eve here").contains("hello from bob"));
    }

    @Test
    void likeRepostAndBlockFromTheWindowAndSeeADeleteLeave(FxRobot robot) {
        TimelineService gus = await(net.peer(dir.resolve("gus")).register("gus", "gus kayak thunder"));
        TimelineService hal = await(net.peer(dir.resolve("hal")).register("hal", "hal kayak thunder"));
        fill(robot, "fay", "fay kayak thunder");
        robot.clickOn("#register");
        PhraseConfirmation.confirm(robot, NETWORK);
        awaitSignedIn(robot);
        await(gus.follow("fay"));
        await(hal.follow("fay"));
        FxWait.shown(robot, "#follow-bob", NETWORK);
        robot.clickOn("#follow-bob");
        ListView<PostItem> timeline = robot.lookup("#timeline").queryListView();
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .contains("hello from bob"));

        // A like shows on the row at once and is counted on bob's peer.
        robot.clickOn(inRow(robot, "hello from bob", ".likeButton"));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).filteredOn(i -> i.text().equals(
                "hello from bob") && i.repostedBy().isEmpty()).extracting(PostItem::likes, PostItem::liked)
                .containsExactly(tuple(1, true)));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(bob.timeline().get()).filteredOn(e -> e.post().text()
                .equals("hello from bob")).extracting(e -> e.likes()).containsExactly(1));
        assertThat(bob.notifications().get()).extracting(n -> n.from() + " " + n.kind().verb())
                .contains("fay liked your post");

        // A repost reaches fay's follower gus, who does not follow bob, with bob's post in it.
        robot.clickOn(inRow(robot, "hello from bob", ".repostButton"));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems())
                .extracting(PostItem::repostedBy, PostItem::author, PostItem::text)
                .contains(tuple("fay", "bob", "hello from bob")));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(gus.timeline().get()).anyMatch(e -> e.post()
                .isRepost() && e.post().author().equals("fay") && e.post().ref().original() != null
                && e.post().ref().original().text().equals("hello from bob")));

        // A delete by bob leaves fay's timeline.
        await(bob.post("a post bob regrets"));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .contains("a post bob regrets"));
        await(bob.delete(bob.timeline().get().stream().map(e -> e.post())
                .filter(p -> p.text().equals("a post bob regrets")).findFirst().orElseThrow()));
        await().atMost(NETWORK).untilAsserted(() -> assertThat(timeline.getItems()).extracting(PostItem::text)
                .doesNotContain("a post bob regrets").contains("hello from bob"));

        // Block hal from his profile: his reply and mention never show; bob's mention, sent after, does.
        robot.clickOn("#compose").write("fay is here");
        robot.clickOn("#postButton");
        robot.clickOn("#search").write("hal").type(javafx.scene.input.KeyCode.ENTER);
        FxWait.shown(robot, "#blockButton", NETWORK);
        robot.clickOn("#blockButton");
        await().atMost(NETWORK).untilAsserted(() -> assertThat(robot.lookup("#blockButton").queryButton().getText())
                .isEqualTo("Unblock"));
        await().atMost(NETWORK).until(() -> hal.timeline().get().stream()
                .anyMatch(e -> e.post().text().equals("fay is here")));
        await(hal.reply(hal.timeline().get().stream().map(e -> e.post())
                .filter(p -> p.text().equals("fay is here")).findFirst().orElseThrow(), "hal replies, @fay"));
        await(hal.post("hal mentions @fay"));
        await(bob.post("bob mentions @fay"));
        robot.clickOn("#navNotifications");
        ListView<NotificationItem> list = robot.lookup("#notifications").queryListView();
        await().atMost(NETWORK).untilAsserted(() -> assertThat(list.getItems()).extracting(NotificationItem::text)
                .contains("bob mentioned you: bob mentions @fay"));
        await().during(Duration.ofSeconds(2)).atMost(NETWORK).untilAsserted(() -> assertThat(list.getItems())
                .extracting(NotificationItem::text).noneMatch(t -> t.startsWith("hal ") && !t.contains("followed")));
    }

    /** The node matching {@code query} in the shown timeline row that shows {@code text}, once there is one. */
    private static Node inRow(FxRobot robot, String text, String query) {
        return await().atMost(NETWORK).until(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#timeline .list-cell")
                .queryAllAs(PostCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() != null && c.getItem().text().equals(text))
                .flatMap(c -> robot.from(c).lookup(query).tryQuery().stream()).filter(Node::isVisible).findFirst())
                .get(5, TimeUnit.SECONDS), java.util.Optional::isPresent).orElseThrow();
    }
}
