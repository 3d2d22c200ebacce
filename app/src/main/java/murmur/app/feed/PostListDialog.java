package murmur.app.feed;

import atlantafx.base.theme.Tweaks;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** A window with a list of posts (a thread, the posts with a tag) and a status line under it. */
final class PostListDialog extends VBox {

    private PostListDialog(ObservableList<PostItem> items, ObservableStringValue statusText, PostActions actions) {
        setSpacing(8);
        ListView<PostItem> posts = new ListView<>(items);
        posts.setId("postList");
        posts.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        posts.setCellFactory(list -> new PostCell(actions));
        posts.setPrefSize(520, 420);
        Label status = new Label();
        status.setId("postListStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(statusText);
        getChildren().addAll(posts, status);
    }

    /**
     * Opens the list in a window over {@code owner}'s; following a name or a tag from it closes the window first.
     */
    static void show(Node owner, String title, String header, ObservableList<PostItem> items,
            ObservableStringValue status, PostActions actions) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        PostActions closing = PostActions.inText(name -> {
            dialog.close();
            actions.openProfile().accept(name);
        }, actions.openTag() == null ? null : tag -> {
            dialog.close();
            actions.openTag().accept(tag);
        }, actions.openLink());
        dialog.getDialogPane().setContent(new PostListDialog(items, status, closing));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
