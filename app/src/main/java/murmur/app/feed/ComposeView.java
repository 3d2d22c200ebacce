package murmur.app.feed;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/** A text area, a "12 / 500" counter that turns red past the limit, and a Post button; Ctrl+Enter posts. */
public final class ComposeView extends VBox {
    private static final KeyCombination POST = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final String PROMPT = "What's happening? (Ctrl+Enter posts)";

    public ComposeView(ComposeViewModel model) {
        getStyleClass().add("compose");
        TextArea text = new TextArea();
        text.setId("compose");
        text.setPromptText(PROMPT);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(model.text());
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (POST.match(e)) {
                model.post();
                e.consume();
            }
        });

        Label counter = new Label();
        counter.setId("counter");
        counter.textProperty().bind(model.counter());
        counter.getStyleClass().add("muted");
        model.tooLong().addListener((obs, was, over) -> counter.getStyleClass().setAll("label",
                over ? "error-text" : "muted"));
        Label error = new Label();
        error.setId("composeError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button post = new Button("Post", Icons.of(Feather.SEND));
        post.setId("postButton");
        post.getStyleClass().add(Styles.ACCENT);
        post.disableProperty().bind(model.canPost().not());
        post.setOnAction(e -> model.post());
        HBox row = new HBox(10, counter, error, spacer, post);
        row.setAlignment(Pos.CENTER_LEFT);
        Label banner = new Label();
        banner.setId("replyBanner");
        banner.getStyleClass().add("muted");
        banner.textProperty().bind(model.replyBanner());
        Hyperlink cancel = new Hyperlink("Cancel");
        cancel.setId("cancelReply");
        cancel.setOnAction(e -> model.cancelReply());
        banner.setMinWidth(0);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(banner, Priority.ALWAYS);
        HBox replying = new HBox(6, Icons.of(Feather.CORNER_UP_LEFT, 14), banner, cancel);
        replying.setAlignment(Pos.CENTER_LEFT);
        replying.visibleProperty().bind(model.replyingTo().isNotNull());
        replying.managedProperty().bind(replying.visibleProperty());
        model.replyingTo().addListener((obs, was, now) -> {
            text.setPromptText(now == null ? PROMPT : (model.quoting().get() ? "Your words on @" + now.author()
                    + "'s post" : "Your reply to @" + now.author()) + " (Ctrl+Enter sends)");
            if (now != null) {
                text.requestFocus();
            }
        });
        getChildren().addAll(replying, text, row);
    }
}
