package murmur.app.shell;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import murmur.app.signin.SignInView;
import murmur.app.signin.SignInViewModel;
import murmur.app.status.StatusBar;
import murmur.app.status.StatusViewModel;
import murmur.timeline.Accounts;
import murmur.timeline.TimelineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Murmur window on a peer: sign-in first, the main view once signed in, the status bar always. Closing the
 * window signs out before it goes away. Used on the JavaFX thread only.
 */
public final class MurmurWindow {
    static final double WIDTH = 1180;
    static final double HEIGHT = 760;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;
    private static final Logger LOG = LoggerFactory.getLogger(MurmurWindow.class);

    private final Accounts accounts;
    private final Clock clock;
    private final Executor ui;
    private final List<String> featured;
    private final CompletableFuture<?> started;
    private final BorderPane root = new BorderPane();
    private final Theme theme;
    private Stage stage;
    private TimelineService session;
    private MainView main;

    /**
     * @param featured users to suggest to a new account (the demo's users); may be empty
     * @param dark     start with the dark theme
     */
    public MurmurWindow(Accounts accounts, Clock clock, Executor ui, List<String> featured, boolean dark) {
        this(accounts, CompletableFuture.completedFuture(null), clock, ui, featured, dark);
    }

    /**
     * @param started  the peer's start; a failure (another Murmur on the data directory) shows on the sign-in screen
     *                 at once, in words
     * @param featured users to suggest to a new account (the demo's users); may be empty
     * @param dark     start with the dark theme
     */
    public MurmurWindow(Accounts accounts, CompletableFuture<?> started, Clock clock, Executor ui,
            List<String> featured, boolean dark) {
        this.accounts = accounts;
        this.started = started;
        this.clock = clock;
        this.ui = ui;
        this.featured = List.copyOf(featured);
        this.theme = new Theme(dark);
        root.setBottom(new StatusBar(new StatusViewModel(accounts, ui)));
        showSignIn();
    }

    /**
     * Shows the window on {@code stage}; closing it signs out first, then hides the stage. A stage that shows a scene
     * already (the first-run screen) keeps it, with its size and place, and this window's content replaces its root.
     */
    public void show(Stage stage) {
        this.stage = stage;
        if (stage.getScene() != null) {
            stage.getScene().setRoot(root);
        } else {
            Scene scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().add(Theme.STYLESHEET);
            stage.setScene(scene);
        }
        stage.setTitle("Murmur");
        icons(stage);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnCloseRequest(e -> {
            e.consume();
            root.setDisable(true);
            signOut().whenCompleteAsync((v, failure) -> stage.hide(), ui);
        });
        stage.show();
    }

    /** Gives {@code stage} Murmur's icon, unless it has one already. */
    static void icons(Stage stage) {
        if (!stage.getIcons().isEmpty()) {
            return;
        }
        // The same icon as the installed menu entry (scripts/package.sh); the window manager picks the size.
        for (String icon : List.of("murmur-64.png", "murmur.png")) {
            String url = MurmurWindow.class.getResource("/murmur/app/icons/" + icon).toExternalForm();
            stage.getIcons().add(new Image(url, true));   // loaded in the background: not in the way of the window
        }
    }

    /** Signs the current user out, if any, and shows the sign-in screen. */
    public CompletableFuture<Void> signOut() {
        if (session == null) {
            return CompletableFuture.completedFuture(null);
        }
        TimelineService leaving = session;
        session = null;
        main.dispose();
        main = null;
        showSignIn();
        return leaving.logout().exceptionally(failure -> {
            LOG.warn("signing out {} failed", leaving.user(), failure);
            return null;
        });
    }

    private void showSignIn() {
        root.setCenter(new SignInView(new SignInViewModel(accounts, ui, this::signedIn, started)));
        title("Murmur");
    }

    private void signedIn(TimelineService service) {
        session = service;
        main = new MainView(service, clock, ui, featured, theme, this::signOut);
        root.setCenter(main);
        title("Murmur · @" + service.user());
    }

    private void title(String text) {
        if (stage != null) {
            stage.setTitle(text);
        }
    }
}
