package murmur.app.notifications;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import murmur.timeline.Notification;
import org.kordamp.ikonli.feather.Feather;

/** Follow and unfollow events, newest first; ones from while the user was away carry a tag. Seen = read. */
public final class NotificationsView extends VBox {

    public NotificationsView(NotificationsViewModel model, Consumer<String> openProfile) {
        getStyleClass().add("page");
        Label title = new Label("Notifications");
        title.getStyleClass().add(Styles.TITLE_3);
        ListView<NotificationItem> list = new ListView<>(model.items());
        list.setId("notifications");
        list.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(l -> new Row(openProfile));
        Label empty = new Label("Nothing yet. When someone follows or unfollows you, it shows here.");
        empty.getStyleClass().add("muted");
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                model.markRead();
            }
        });
        model.unread().addListener((obs, was, now) -> {
            if (getScene() != null && now.intValue() > 0) {
                model.markRead();
            }
        });
    }

    /** One notification. */
    private static final class Row extends ListCell<NotificationItem> {
        private final Consumer<String> openProfile;

        Row(Consumer<String> openProfile) {
            this.openProfile = openProfile;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(NotificationItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Hyperlink who = new Hyperlink(item.from());
            who.getStyleClass().add("post-author");
            who.setOnAction(e -> openProfile.accept(item.from()));
            Label what = new Label(item.kind().verb());
            Label age = new Label("· " + item.age());
            age.getStyleClass().add("muted");
            HBox row = new HBox(6, Icons.of(icon(item.kind()), 18), who, what, age);
            if (item.whileAway()) {
                Label away = new Label("while you were away");
                away.getStyleClass().add("tag");
                row.getChildren().add(away);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            setAccessibleText(item.text());
            if (item.excerpt().isEmpty()) {
                setGraphic(row);
                return;
            }
            Label excerpt = new Label(item.excerpt());
            excerpt.getStyleClass().addAll("post-text", "notification-excerpt");
            excerpt.setWrapText(true);
            excerpt.setMinHeight(USE_PREF_SIZE);
            excerpt.setPadding(new Insets(0, 0, 0, 24));
            setGraphic(new VBox(2, row, excerpt));
        }

        private static Feather icon(Notification.Kind kind) {
            return switch (kind) {
                case FOLLOW -> Feather.USER_PLUS;
                case UNFOLLOW -> Feather.USER_MINUS;
                case REPLY -> Feather.CORNER_UP_LEFT;
                case MENTION -> Feather.AT_SIGN;
                case REPOST -> Feather.REPEAT;
                case QUOTE -> Feather.EDIT_3;
                case LIKE, UNLIKE -> Feather.HEART;
            };
        }
    }
}
