package murmur.app.fx;

import javafx.scene.Node;

/**
 * A view model that listens to the domain only while its view is on screen: {@link #activate()} subscribes and
 * loads, {@link #deactivate()} lets go. Both run on the UI thread.
 */
public interface Activatable {

    void activate();

    void deactivate();

    /** Activates {@code model} while {@code view} is part of a scene, deactivates it when the view leaves. */
    static void whileShown(Node view, Activatable model) {
        view.sceneProperty().addListener((obs, before, after) -> {
            if (before == null && after != null) {
                model.activate();
            } else if (before != null && after == null) {
                model.deactivate();
            }
        });
        if (view.getScene() != null) {
            model.activate();
        }
    }
}
