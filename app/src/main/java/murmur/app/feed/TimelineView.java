package murmur.app.feed;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import murmur.app.fx.Activatable;

/**
 * The home timeline: the compose box above a live list of posts, newest first. Each post can be replied to (the
 * compose box then writes the reply) and its thread opened; one's own posts can be deleted, after a confirmation.
 */
public final class TimelineView extends VBox {
    private static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    public TimelineView(TimelineViewModel timeline, ComposeViewModel compose, ThreadViewModel thread,
            Consumer<String> openProfile) {
        getStyleClass().add("page");
        Label title = new Label("Home");
        title.getStyleClass().add(Styles.TITLE_3);
        ListView<PostItem> posts = new ListView<>(timeline.posts());
        posts.setId("timeline");
        posts.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        PostActions actions = new PostActions(openProfile, compose::replyTo,
                item -> ThreadView.show(this, thread, item, openProfile),
                item -> confirmDelete(timeline, item));
        posts.setCellFactory(list -> new PostCell(actions));
        Label empty = new Label("No posts yet. Write the first one above, or follow someone from \"Who to follow\".");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        posts.setPlaceholder(empty);
        Label error = new Label();
        error.setId("timelineError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(timeline.error());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        VBox.setVgrow(posts, Priority.ALWAYS);
        getChildren().addAll(title, new ComposeView(compose), error, posts);
        Activatable.whileShown(this, timeline);
    }

    private void confirmDelete(TimelineViewModel timeline, PostItem item) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "It disappears from your timeline now, and from each"
                + " follower's as the delete reaches them.", DELETE, ButtonType.CANCEL);
        confirm.setHeaderText("Delete this post?");
        confirm.setTitle("Delete post");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        confirm.showAndWait().filter(DELETE::equals).ifPresent(b -> timeline.delete(item));
    }
}
