package murmur.app.shell;

import atlantafx.base.theme.Tweaks;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import murmur.app.feed.ComposeViewModel;
import murmur.app.feed.TagViewModel;
import murmur.app.feed.ThreadViewModel;
import murmur.app.feed.TimelineView;
import murmur.app.feed.TimelineViewModel;
import murmur.app.notifications.NotificationsView;
import murmur.app.notifications.NotificationsViewModel;
import murmur.app.profile.ProfileView;
import murmur.app.profile.ProfileViewModel;
import murmur.app.profile.SearchBox;
import murmur.app.profile.SearchViewModel;
import murmur.app.settings.SettingsView;
import murmur.app.settings.SettingsViewModel;
import murmur.app.suggest.WhoToFollowView;
import murmur.app.suggest.WhoToFollowViewModel;
import murmur.timeline.TimelineService;

/**
 * The signed-in window: navigation on the left (Ctrl+1 home, Ctrl+2 notifications, Ctrl+3 own profile, Ctrl+4
 * settings), the page in the middle, search (Ctrl+F) and "Who to follow" on the right.
 */
final class MainView extends BorderPane {
    private static final long AGE_REFRESH_SECONDS = 30;
    private final TimelineService service;
    private final NavigationBar nav;
    private final Node homePage;
    private final Node notificationsPage;
    private final ProfileViewModel profileModel;
    private final ProfileView profilePage;
    private final NotificationsViewModel notificationsModel;
    private final SearchBox search;
    private final SettingsViewModel settingsModel;
    private final SettingsView settingsPage;
    /**
     * Re-reads post ages ("2 min") every 30 s. Not a JavaFX {@code Timeline}: while any animation runs, JavaFX pulses
     * at 60 Hz, even when its only key frame is 30 s away, which kept an idle window busy (CPU, garbage, JIT).
     */
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("murmur-ages").factory());

    MainView(TimelineService service, Clock clock, Executor ui, List<String> featured, Theme theme,
            Runnable signOut) {
        this.service = service;
        TimelineViewModel timeline = new TimelineViewModel(service, clock, ui);
        homePage = new TimelineView(timeline, new ComposeViewModel(service, ui), new ThreadViewModel(service, clock,
                ui), new TagViewModel(service, clock, ui), this::openProfile);
        notificationsModel = new NotificationsViewModel(service, clock, ui);
        notificationsPage = new NotificationsView(notificationsModel, this::openProfile);
        profileModel = new ProfileViewModel(service, clock, ui);
        profilePage = new ProfileView(profileModel, this::openProfile);
        search = new SearchBox(new SearchViewModel(service, ui, this::openProfile));
        nav = new NavigationBar(service.user(), notificationsModel.unread(), theme, signOut);
        nav.home().setOnAction(e -> setCenter(homePage));
        nav.notifications().setOnAction(e -> setCenter(notificationsPage));
        nav.profile().setOnAction(e -> openProfile(service.user()));
        settingsModel = new SettingsViewModel(service, clock, ui);
        settingsPage = new SettingsView(settingsModel);
        nav.settings().setOnAction(e -> setCenter(settingsPage));
        centerProperty().addListener((obs, was, now) -> {
            if (now == settingsPage) {
                settingsModel.activate();
            } else if (was == settingsPage) {
                settingsModel.deactivate();
            }
        });
        setLeft(nav);
        setRight(side(new WhoToFollowView(new WhoToFollowViewModel(service, featured, ui), this::openProfile)));
        nav.home().setSelected(true);
        setCenter(homePage);
        notificationsModel.activate();
        ticker.scheduleAtFixedRate(() -> ui.execute(() -> {
            timeline.refreshAges();
            notificationsModel.refreshAges();
        }), AGE_REFRESH_SECONDS, AGE_REFRESH_SECONDS, TimeUnit.SECONDS);
        installShortcuts();
    }

    /** Stops the session's listeners; the window calls this before signing out. */
    void dispose() {
        ticker.shutdownNow();
        notificationsModel.deactivate();
        settingsModel.deactivate();
    }

    void openProfile(String name) {
        if (name.equals(service.user())) {
            nav.profile().setSelected(true);
        } else {
            nav.leavePages();
        }
        profileModel.show(name);
        setCenter(profilePage);
    }

    private void installShortcuts() {
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT1), nav.home()::fire);
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT2), nav.notifications()::fire);
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT3), nav.profile()::fire);
            scene.getAccelerators().put(shortcut(KeyCode.DIGIT4), nav.settings()::fire);
            scene.getAccelerators().put(shortcut(KeyCode.F), search::focus);
        });
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
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
