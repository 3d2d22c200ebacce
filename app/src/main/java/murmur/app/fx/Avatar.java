package murmur.app.fx;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** A round badge with a user's initial, in a colour derived from the name, so people are told apart at a glance. */
public final class Avatar extends StackPane {

    public Avatar(String name, double radius) {
        double hue = Math.floorMod(name.hashCode(), 360);
        Circle circle = new Circle(radius, Color.hsb(hue, 0.45, 0.75));
        Label initial = new Label(name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT));
        initial.getStyleClass().add("avatar-initial");
        initial.setStyle("-fx-font-size: " + Math.round(radius * 0.95) + "px;");
        getChildren().addAll(circle, initial);
        setMinSize(radius * 2, radius * 2);
        setMaxSize(radius * 2, radius * 2);
    }
}
