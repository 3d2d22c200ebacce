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
import murmur.app.fx.Browser;

/**
 * The home timeline: the compose box above a live list of posts, newest first. Each post can be replied to or
 * quoted (the compose box then writes the reply or the quote), liked, reposted and its thread opened; one's own
 * posts can be deleted, after a confirmation.
 * In a post's text a name opens the profile, a tag the posts held here with it, and a link the system browser once
 * the whole address has been shown and confirmed.
 */
public final class TimelineView extends VBox {
    private static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType OPEN = new ButtonType("Open in browser", ButtonBar.ButtonData.OK_DONE);
    private final Consumer<String> openProfile;

    public TimelineView(TimelineViewModel timeline, ComposeViewModel compose, ThreadViewModel thread,
            TagViewModel tags, Consumer<String> openProfile) {
        this.openProfile = openProfile;
        getStyleClass().add("page");
        Label title = new Label("Home");
        title.getStyleClass().add(Styles.TITLE_3);
        ListView<PostItem> posts = new ListView<>(timeline.posts());
        posts.setId("timeline");
        posts.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        PostActions inDialogs = PostActions.inText(openProfile, tag -> showTag(tags, tag), this::confirmLink);
        PostActions actions = new PostActions(openProfile, compose::replyTo, item -> {
            thread.open(item);
            PostListDialog.show(this, "Thread", "The conversation @" + item.author() + "'s post is part of",
                    thread.posts(), thread.status(), inDialogs);
        }, item -> confirmDelete(timeline, item), inDialogs.openTag(), this::confirmLink, timeline::toggleLike,
                timeline::repost, compose::quote);
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

    private void showTag(TagViewModel tags, String tag) {
        tags.open(tag);
        PostListDialog.show(this, "#" + tag, "Posts with #" + tag, tags.posts(), tags.status(),
                PostActions.inText(openProfile, null, this::confirmLink));
    }

    /** Shows the whole address before anything opens it: the words of a post may hide where a link goes. */
    private void confirmLink(String url) {
        if (!Browser.opens(url)) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, url, OPEN, ButtonType.CANCEL);
        confirm.setHeaderText("Open this link in your browser?");
        confirm.setTitle("Open link");
        confirm.getDialogPane().setId("linkConfirmation");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        confirm.showAndWait().filter(OPEN::equals).ifPresent(b -> Browser.open(url));
    }

    private void confirmDelete(TimelineViewModel timeline, PostItem item) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "It disappears from your timeline now, and from each"
                + " follower's as the delete reaches them.", DELETE, ButtonType.CANCEL);
        confirm.setHeaderText(item.post().isRepost() ? "Undo this repost?" : "Delete this post?");
        confirm.setTitle("Delete post");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        confirm.showAndWait().filter(DELETE::equals).ifPresent(b -> timeline.delete(item));
    }
}
