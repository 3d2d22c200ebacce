package murmur.app.feed;

import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** A window with one post and its replies, oldest first; names open profiles. */
final class ThreadView extends VBox {

    private ThreadView(ThreadViewModel model, Consumer<String> openProfile) {
        setSpacing(8);
        ListView<PostItem> posts = new ListView<>(model.posts());
        posts.setId("thread");
        posts.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        posts.setCellFactory(list -> new PostCell(openProfile));
        posts.setPrefSize(520, 420);
        Label status = new Label();
        status.setId("threadStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.status());
        getChildren().addAll(posts, status);
    }

    /** Opens {@code parent}'s thread in a window over {@code owner}'s. */
    static void show(Node owner, ThreadViewModel model, PostItem parent, Consumer<String> openProfile) {
        model.open(parent);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Thread");
        dialog.setHeaderText("@" + parent.author() + "'s post and its replies");
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.getDialogPane().setContent(new ThreadView(model, name -> {
            dialog.close();
            openProfile.accept(name);
        }));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
