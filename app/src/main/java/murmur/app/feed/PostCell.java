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
import murmur.timeline.Post;
import org.kordamp.ikonli.feather.Feather;

/**
 * One post in a list: "reposted by" for a repost, avatar, author (a link to their profile), age, "in reply to" for a
 * reply, text, the quoted post beneath a quote, delivery for one's own posts, and the actions the page offers
 * (reply, thread, like with the count, repost, quote, delete).
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
        VBox body = new VBox(2);
        if (!item.repostedBy().isEmpty()) {
            Hyperlink by = new Hyperlink(item.repostedBy() + " reposted", Icons.of(Feather.REPEAT, 12));
            by.getStyleClass().addAll("reposted-by", "muted", Styles.TEXT_SMALL);
            by.setOnAction(e -> actions.openProfile().accept(item.repostedBy()));
            body.getChildren().add(by);
        }
        body.getChildren().add(header);
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
        if (item.quoted() != null) {
            body.getChildren().add(quoted(item.quoted()));
        }
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

    /** The post a quote shows: its author and text in a frame of their own. */
    private VBox quoted(Post original) {
        Hyperlink author = new Hyperlink("@" + original.author());
        author.getStyleClass().addAll("post-author", Styles.TEXT_SMALL);
        author.setOnAction(e -> actions.openProfile().accept(original.author()));
        VBox box = new VBox(2, author, text(original.text()));
        box.getStyleClass().add("quoted-post");
        return box;
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
        boolean gone = item.text().equals(PostItem.GONE) && item.post().isRepost();
        if (!gone) {
            Hyperlink like = action(footer, actions.like(), item, item.likes() == 0 ? "Like"
                    : item.likes() == 1 ? "1 like" : item.likes() + " likes", Feather.HEART, "likeButton");
            if (like != null && item.liked()) {
                like.getStyleClass().add("liked");
                like.setTooltip(new javafx.scene.control.Tooltip("You like this; click to take it back"));
            }
            action(footer, actions.repost(), item, "Repost", Feather.REPEAT, "repostButton");
            action(footer, actions.quote(), item, "Quote", Feather.EDIT_3, "quoteButton");
        }
        if (item.own()) {
            action(footer, actions.delete(), item, item.post().isRepost() ? "Undo repost" : "Delete",
                    Feather.TRASH_2, "deleteButton");
        }
        return footer;
    }

    /** Adds one action to the footer, unless the page does not offer it (then null). */
    private static Hyperlink action(HBox footer, Consumer<PostItem> handler, PostItem item, String name,
            Feather icon, String styleClass) {
        if (handler == null) {
            return null;
        }
        Hyperlink link = new Hyperlink(name, Icons.of(icon, 12));
        link.getStyleClass().addAll("post-action", styleClass, Styles.TEXT_SMALL);
        link.setOnAction(e -> handler.accept(item));
        footer.getChildren().add(link);
        return link;
    }
}
