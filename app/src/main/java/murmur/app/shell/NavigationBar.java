package murmur.app.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The left column: brand, who is signed in, the pages (one always selected, except while showing someone else's
 * profile), the theme switch and "Sign out".
 */
final class NavigationBar extends VBox {
    private final ToggleGroup pages = new ToggleGroup();
    private final ToggleButton home = page("Home", Feather.HOME, "navHome");
    private final ToggleButton notifications = page("Notifications", Feather.BELL, "navNotifications");
    private final ToggleButton profile = page("Profile", Feather.USER, "navProfile");
    private final ToggleButton settings = page("Settings", Feather.SETTINGS, "navSettings");
    private boolean leaving;

    NavigationBar(String user, ReadOnlyIntegerProperty unread, Theme theme, Runnable signOut) {
        getStyleClass().add("nav");
        // Room for "Notifications" beside a badge of up to three characters ("99+").
        setPrefWidth(220);
        setMinWidth(Region.USE_PREF_SIZE);
        Label brand = new Label("Murmur", Icons.of(Feather.MESSAGE_CIRCLE, 22));
        brand.getStyleClass().add("brand");
        Label me = new Label("@" + user);
        me.setId("signedInUser");
        me.getStyleClass().add("muted");
        notifications.setGraphic(new HBox(6, Icons.of(Feather.BELL), badge(unread)));
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleButton dark = new ToggleButton("Dark theme", Icons.of(Feather.MOON));
        dark.setId("darkTheme");
        dark.selectedProperty().bindBidirectional(theme.dark());
        dark.setMaxWidth(Double.MAX_VALUE);
        Button out = new Button("Sign out", Icons.of(Feather.LOG_OUT));
        out.setId("signOut");
        out.setMaxWidth(Double.MAX_VALUE);
        out.setAlignment(Pos.CENTER_LEFT);
        out.setOnAction(e -> signOut.run());
        getChildren().addAll(brand, me, home, notifications, profile, settings, spacer, dark, out);
        pages.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && !leaving) {
                was.setSelected(true);
            }
        });
    }

    ToggleButton home() {
        return home;
    }

    ToggleButton notifications() {
        return notifications;
    }

    ToggleButton profile() {
        return profile;
    }

    ToggleButton settings() {
        return settings;
    }

    /** Selects no page: the window shows something the pages do not name, such as another user's profile. */
    void leavePages() {
        leaving = true;
        pages.selectToggle(null);
        leaving = false;
    }

    private ToggleButton page(String text, Feather icon, String id) {
        ToggleButton button = new ToggleButton(text, Icons.of(icon));
        button.setId(id);
        button.setToggleGroup(pages);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add(Styles.FLAT);
        return button;
    }

    private static Label badge(ReadOnlyIntegerProperty unread) {
        Label badge = new Label();
        badge.setId("unreadBadge");
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> unread.get() > 99 ? "99+" : Integer.toString(unread.get()), unread));
        badge.visibleProperty().bind(unread.greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        return badge;
    }
}
