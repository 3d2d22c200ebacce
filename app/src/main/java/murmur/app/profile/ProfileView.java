package murmur.app.profile;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import murmur.app.feed.PostCell;
import murmur.app.feed.PostItem;
import murmur.app.fx.Activatable;
import murmur.app.fx.Avatar;
import murmur.app.fx.Icons;
import murmur.timeline.UserSummary;
import org.kordamp.ikonli.feather.Feather;

/** A user's profile: name, Follow / Unfollow, and tabs for their posts, followers and following. */
public final class ProfileView extends VBox {

    public ProfileView(ProfileViewModel model, Consumer<String> openProfile) {
        getStyleClass().add("page");
        StackPane avatar = new StackPane();
        model.user().addListener((obs, was, name) -> avatar.getChildren().setAll(new Avatar(name, 26)));
        avatar.getChildren().setAll(new Avatar(model.user().get(), 26));
        Label name = new Label();
        name.setId("profileName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.textProperty().bind(model.user());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loading());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label presence = new Label();
        presence.setId("profilePresence");
        presence.getStyleClass().add("muted");
        presence.textProperty().bind(model.presence());
        VBox who = new VBox(0, name, presence);
        HBox header = new HBox(12, avatar, who, loading, spacer, muteButton(model), blockButton(model),
                followButton(model));
        header.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        error.managedProperty().bind(model.error().isNotEmpty());

        ListView<PostItem> posts = new ListView<>(model.posts());
        posts.setId("profilePosts");
        posts.getStyleClass().addAll("timeline-list", Tweaks.EDGE_TO_EDGE);
        posts.setCellFactory(l -> new PostCell(openProfile));
        Label noPosts = muted("");
        noPosts.setWrapText(true);
        noPosts.textProperty().bind(model.noPosts());
        posts.setPlaceholder(noPosts);
        TabPane tabs = new TabPane(new Tab("Posts", posts),
                users("Followers", "followers", model.followers(), openProfile),
                users("Following", "following", model.following(), openProfile));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header, error, tabs);
        Activatable.whileShown(this, model);
    }

    private static Button blockButton(ProfileViewModel model) {
        Button block = new Button();
        block.setId("blockButton");
        block.textProperty().bind(Bindings.when(model.blocked()).then("Unblock").otherwise("Block"));
        block.setGraphic(Icons.of(Feather.SLASH));
        block.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.DANGER);
        block.setTooltip(new javafx.scene.control.Tooltip("Refuse their posts, replies, mentions, likes and follow"
                + " notices on this computer, and stop sending them your posts. They are not told."));
        block.visibleProperty().bind(model.self().not());
        block.managedProperty().bind(block.visibleProperty());
        block.setOnAction(e -> model.toggleBlock());
        return block;
    }

    private static Button muteButton(ProfileViewModel model) {
        Button mute = new Button();
        mute.setId("muteButton");
        mute.textProperty().bind(Bindings.when(model.muted()).then("Unmute").otherwise("Mute"));
        mute.setGraphic(Icons.of(Feather.VOLUME_X));
        mute.getStyleClass().add(Styles.BUTTON_OUTLINED);
        mute.setTooltip(new javafx.scene.control.Tooltip("Hide their posts and notifications on this computer;"
                + " nobody is told"));
        mute.visibleProperty().bind(model.self().not());
        mute.setOnAction(e -> model.toggleMute());
        return mute;
    }

    private static Button followButton(ProfileViewModel model) {
        Button follow = new Button();
        follow.setId("followButton");
        follow.textProperty().bind(model.followLabel());
        follow.graphicProperty().bind(Bindings.when(model.followed())
                .then(Icons.of(Feather.USER_MINUS)).otherwise(Icons.of(Feather.USER_PLUS)));
        model.followed().addListener((obs, was, now) -> {
            follow.getStyleClass().removeAll(Styles.ACCENT, Styles.BUTTON_OUTLINED);
            follow.getStyleClass().add(now ? Styles.BUTTON_OUTLINED : Styles.ACCENT);
        });
        follow.getStyleClass().add(Styles.ACCENT);
        follow.visibleProperty().bind(model.self().not());
        follow.disableProperty().bind(model.followBusy());
        follow.setOnAction(e -> model.toggleFollow());
        return follow;
    }

    private static Tab users(String title, String id, ObservableList<UserSummary> users,
            Consumer<String> openProfile) {
        ListView<UserSummary> list = new ListView<>(users);
        list.setId(id);
        list.setCellFactory(l -> new UserCell(openProfile));
        list.setPlaceholder(muted("Nobody yet."));
        Tab tab = new Tab(title, list);
        tab.textProperty().bind(Bindings.size(users).asString(title + " (%d)"));
        return tab;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }
}
