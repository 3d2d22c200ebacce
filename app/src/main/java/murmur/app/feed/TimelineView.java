package murmur.app.feed;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import murmur.app.fx.Activatable;

/** The home timeline: the compose box above a live list of posts, newest first. */
public final class TimelineView extends VBox {

    public TimelineView(TimelineViewModel timeline, ComposeViewModel compose, Consumer<String> openProfile) {
        getStyleClass().add("page");
        Label title = new Label("Home");
        title.getStyleClass().add(Styles.TITLE_3);
        ListView<PostItem> posts = new ListView<>(timeline.posts());
        posts.setId("timeline");
        posts.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        posts.setCellFactory(list -> new PostCell(openProfile));
        Label empty = new Label("No posts yet. Write the first one above, or follow someone from \"Who to follow\".");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        posts.setPlaceholder(empty);
        VBox.setVgrow(posts, Priority.ALWAYS);
        getChildren().addAll(title, new ComposeView(compose), posts);
        Activatable.whileShown(this, timeline);
    }
}
