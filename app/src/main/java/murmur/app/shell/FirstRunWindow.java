package murmur.app.shell;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import murmur.app.firstrun.FirstRunView;
import murmur.app.firstrun.FirstRunViewModel;
import murmur.app.firstrun.SeedCheck;
import murmur.config.HostPort;
import murmur.config.UserSettingsFile;

/**
 * The window of a first start with no bootstrap node: the first-run screen, and once a node has answered and been
 * saved, the peer started through it and the {@link MurmurWindow} (sign-in) in the same window. Used on the JavaFX
 * thread only.
 */
public final class FirstRunWindow {
    private final Function<HostPort, StartingPeer> join;
    private final Executor ui;
    private final boolean dark;
    private final FirstRunView view;
    private Stage stage;

    /**
     * @param check    asks a typed address whether a Murmur node answers there
     * @param settings where the address that answered is saved
     * @param join     builds and starts the peer through the saved address (called once, on the UI thread)
     * @param dark     start with the dark theme
     */
    public FirstRunWindow(SeedCheck check, UserSettingsFile settings, Function<HostPort, StartingPeer> join,
            Executor ui, boolean dark) {
        this.join = join;
        this.ui = ui;
        this.dark = dark;
        new Theme(dark);
        this.view = new FirstRunView(new FirstRunViewModel(check, settings, ui, this::joined));
    }

    /** Shows the first-run screen on {@code stage}; closing it just closes the window. */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(view, MurmurWindow.WIDTH, MurmurWindow.HEIGHT);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Murmur");
        MurmurWindow.icons(stage);
        stage.setMinWidth(MurmurWindow.MIN_WIDTH);
        stage.setMinHeight(MurmurWindow.MIN_HEIGHT);
        stage.show();
    }

    private void joined(HostPort seed) {
        StartingPeer peer = join.apply(seed);
        AfterStart accounts = new AfterStart(peer.accounts(), peer.started());
        new MurmurWindow(accounts, accounts.started(), peer.accounts().clock(), ui, List.of(), dark).show(stage);
    }
}
