package murmur.app.fx;

import javafx.scene.shape.Circle;

/** A small green (online) or grey (offline) dot beside a name. */
public final class OnlineDot extends Circle {

    public OnlineDot(boolean online) {
        super(4);
        getStyleClass().addAll("online-dot", online ? "online" : "offline");
    }
}
