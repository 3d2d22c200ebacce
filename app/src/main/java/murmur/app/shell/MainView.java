package murmur.app.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import murmur.app.feed.ComposeViewModel;
import murmur.app.feed.TimelineView;
import murmur.app.feed.TimelineViewModel;
import murmur.app.fx.Icons;
import murmur.app.notifications.NotificationsView;
import murmur.app.notifications.NotificationsViewModel;
import murmur.app.profile.ProfileView;
import murmur.app.profile.ProfileViewModel;
import murmur.app.profile.SearchBox;
import murmur.app.profile.SearchViewModel;
import murmur.app.suggest.WhoToFollowView;
import murmur.app.suggest.WhoToFollowViewModel;
import murmur.timeline.TimelineService;
import org.kordamp.ikonli.feather.Feather;

/**
 * The signed-in window: navigation on the left (Ctrl+1 home, Ctrl+2 notifications, Ctrl+3 own profile), the page
 * in the middle, search (Ctrl+F) and "Who to follow" on the right.
 */
final class MainView extends BorderPane {
    private final TimelineService service;
    private final ToggleGroup nav = new ToggleGroup();
    private final ToggleButton home;
    private final ToggleButton notifications;
    private final ToggleButton profile;
    private final Node homePage;
    private final Node notificationsPage;
    private final ProfileViewModel profileModel;
    private final ProfileView profilePage;
    private final NotificationsViewModel notificationsModel;
    private final SearchBox search;
    private final Timeline ticker;
    private boolean leavingNav;

    MainView(TimelineService service, Clock clock, Executor ui, List<String> featured, Theme theme,
            Runnable signOut) {
        this.service = service;
        TimelineViewModel timeline = new TimelineViewModel(service, clock, ui);
        homePage = new TimelineView(timeline, new ComposeViewModel(service, ui), this::openProfile);
        notificationsModel = new NotificationsViewModel(service, clock, ui);
        notificationsPage = new NotificationsView(notificationsModel, this::openProfile);
        profileModel = new ProfileViewModel(service, clock, ui);
        profilePage = new ProfileView(profileModel, this::openProfile);
        search = new SearchBox(new SearchViewModel(service, ui, this::openProfile));

        home = navButton("Home", Feather.HOME, "navHome");
        notifications = navButton("Notifications", Feather.BELL, "navNotifications");
        notifications.setGraphic(new HBox(6, Icons.of(Feather.BELL), unreadBadge()));
        profile = navButton("Profile", Feather.USER, "navProfile");
        setLeft(navigation(theme, signOut));
        setRight(side(new WhoToFollowView(new WhoToFollowViewModel(service, featured, ui), this::openProfile)));
        nav.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && !leavingNav) {
                was.setSelected(true);
            }
        });
        home.setOnAction(e -> setCenter(homePage));
        notifications.setOnAction(e -> setCenter(notificationsPage));
        profile.setOnAction(e -> openProfile(service.user()));
        home.setSelected(true);
        setCenter(homePage);
        ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            timeline.refreshAges();
            notificationsModel.refreshAges();
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        notificationsModel.activate();
        ticker.play();
        installShortcuts();
    }

    /** Stops the session's listeners; the window calls this before signing out. */
    void dispose() {
        ticker.stop();
        notificationsModel.deactivate();
    }

    void openProfile(String name) {
        if (name.equals(service.user())) {
            profile.setSelected(true);
        } else {
            leavingNav = true;
            nav.selectToggle(null);
            leavingNav = false;
        }
        profileModel.show(name);
        setCenter(profilePage);
    }

    private void installShortcuts() {
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT1), home::fire);
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT2), notifications::fire);
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT3), profile::fire);
            scene.getAccelerators().put(shortcut(KeyCode.F), search::focus);
        });
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private ToggleButton navButton(String text, Feather icon, String id) {
        ToggleButton button = new ToggleButton(text, Icons.of(icon));
        button.setId(id);
        button.setToggleGroup(nav);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add(Styles.FLAT);
        return button;
    }

    private Label unreadBadge() {
        Label badge = new Label();
        badge.setId("unreadBadge");
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(notificationsModel.unread().asString());
        badge.visibleProperty().bind(notificationsModel.unread().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        return badge;
    }

    private VBox navigation(Theme theme, Runnable signOut) {
        Label brand = new Label("Murmur", Icons.of(Feather.MESSAGE_CIRCLE, 22));
        brand.getStyleClass().add("brand");
        Label user = new Label("@" + service.user());
        user.setId("signedInUser");
        user.getStyleClass().add("muted");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleButton dark = new ToggleButton("Dark theme", Icons.of(Feather.MOON));
        dark.setId("darkTheme");
        dark.getStyleClass().add(Styles.FLAT);
        dark.selectedProperty().bindBidirectional(theme.dark());
        dark.setMaxWidth(Double.MAX_VALUE);
        Button out = new Button("Sign out", Icons.of(Feather.LOG_OUT));
        out.setId("signOut");
        out.getStyleClass().add(Styles.FLAT);
        out.setMaxWidth(Double.MAX_VALUE);
        out.setAlignment(Pos.CENTER_LEFT);
        out.setOnAction(e -> signOut.run());
        VBox box = new VBox(brand, user, home, notifications, profile, spacer, dark, out);
        box.getStyleClass().add("nav");
        box.setPrefWidth(200);
        return box;
    }

    private ScrollPane side(WhoToFollowView whoToFollow) {
        VBox box = new VBox(search, whoToFollow);
        box.getStyleClass().add("side");
        box.setPrefWidth(300);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }
}
