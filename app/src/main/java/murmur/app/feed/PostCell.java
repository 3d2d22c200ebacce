package murmur.app.feed;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import murmur.app.fx.Avatar;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/** One post in a list: avatar, author (a link to their profile), age, text, and delivery for one's own posts. */
public final class PostCell extends ListCell<PostItem> {
    private final Consumer<String> openProfile;

    public PostCell(Consumer<String> openProfile) {
        this.openProfile = openProfile;
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(PostItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Hyperlink author = new Hyperlink(item.author());
        author.getStyleClass().add("post-author");
        author.setOnAction(e -> openProfile.accept(item.author()));
        Label age = new Label("· " + item.age());
        age.getStyleClass().add("muted");
        HBox header = new HBox(4, author, age);
        header.setAlignment(Pos.BASELINE_LEFT);
        Label text = new Label(item.text());
        text.getStyleClass().add("post-text");
        text.setWrapText(true);
        text.setMinHeight(USE_PREF_SIZE);
        VBox body = new VBox(2, header, text);
        if (item.own()) {
            Label delivery = new Label(item.delivery(), Icons.of(Feather.CHECK_CIRCLE, 12));
            delivery.getStyleClass().addAll("delivery", Styles.TEXT_SMALL);
            body.getChildren().add(delivery);
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        HBox row = new HBox(10, new Avatar(item.author(), 18), body);
        setText(null);
        setGraphic(row);
    }
}
