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
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import murmur.app.fx.Avatar;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * One post in a list: avatar, author (a link to their profile), age, "in reply to" for a reply, text, delivery for
 * one's own posts, and the actions the page offers (reply, thread, delete).
 */
public final class PostCell extends ListCell<PostItem> {
    private final PostActions actions;

    public PostCell(PostActions actions) {
        this.actions = actions;
        setPrefWidth(0);
    }

    public PostCell(Consumer<String> openProfile) {
        this(PostActions.profilesOnly(openProfile));
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
        author.setOnAction(e -> actions.openProfile().accept(item.author()));
        Label age = new Label("· " + item.age());
        age.getStyleClass().add("muted");
        HBox header = new HBox(4, author, age);
        header.setAlignment(Pos.BASELINE_LEFT);
        TextFlow text = text(item.text());
        VBox body = new VBox(2, header);
        if (!item.replyTo().isEmpty()) {
            Hyperlink to = new Hyperlink("@" + item.replyTo(), Icons.of(Feather.CORNER_UP_LEFT, 12));
            to.getStyleClass().addAll("reply-to", Styles.TEXT_SMALL);
            to.setOnAction(e -> actions.openProfile().accept(item.replyTo()));
            Label replying = new Label("in reply to");
            replying.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
            HBox line = new HBox(2, replying, to);
            line.setAlignment(Pos.BASELINE_LEFT);
            body.getChildren().add(line);
        }
        body.getChildren().add(text);
        if (item.own() && !item.delivery().isEmpty()) {
            Label delivery = new Label(item.delivery(), Icons.of(Feather.CHECK_CIRCLE, 12));
            delivery.getStyleClass().addAll("delivery", Styles.TEXT_SMALL);
            body.getChildren().add(delivery);
        }
        HBox footer = footer(item);
        if (!footer.getChildren().isEmpty()) {
            body.getChildren().add(footer);
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        HBox row = new HBox(10, new Avatar(item.author(), 18), body);
        setText(null);
        setGraphic(row);
    }

    /** The text, with names, tags and links clickable where the page offers it. */
    private TextFlow text(String body) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("post-text");
        for (PostText.Token t : PostText.tokens(body)) {
            Consumer<String> action = switch (t.kind()) {
                case MENTION -> actions.openProfile();
                case TAG -> actions.openTag();
                case LINK -> actions.openLink();
                case TEXT -> null;
            };
            if (action == null) {
                Text plain = new Text(t.text());
                plain.getStyleClass().add("post-text-run");
                flow.getChildren().add(plain);
            } else {
                Hyperlink link = new Hyperlink(t.text());
                link.getStyleClass().addAll("post-inline-link", "inline-" + t.kind().name().toLowerCase(
                        java.util.Locale.ROOT));
                link.setOnAction(e -> action.accept(t.value()));
                flow.getChildren().add(link);
            }
        }
        return flow;
    }

    private HBox footer(PostItem item) {
        HBox footer = new HBox(12);
        footer.setAlignment(Pos.CENTER_LEFT);
        action(footer, actions.reply(), item, "Reply", Feather.MESSAGE_CIRCLE, "replyButton");
        action(footer, actions.openThread(), item, item.replies() == 0 ? "Thread" : item.replies() == 1
                ? "1 reply" : item.replies() + " replies", Feather.LIST, "threadButton");
        if (item.own()) {
            action(footer, actions.delete(), item, "Delete", Feather.TRASH_2, "deleteButton");
        }
        return footer;
    }

    private static void action(HBox footer, Consumer<PostItem> handler, PostItem item, String name, Feather icon,
            String styleClass) {
        if (handler == null) {
            return;
        }
        Hyperlink link = new Hyperlink(name, Icons.of(icon, 12));
        link.getStyleClass().addAll("post-action", styleClass, Styles.TEXT_SMALL);
        link.setOnAction(e -> handler.accept(item));
        footer.getChildren().add(link);
    }
}
