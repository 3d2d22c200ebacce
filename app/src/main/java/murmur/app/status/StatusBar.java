package murmur.app.status;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import murmur.app.fx.Activatable;
import murmur.app.fx.Icons;
import murmur.app.fx.OnlineDot;
import org.kordamp.ikonli.feather.Feather;

/**
 * The bottom line of the window: connection and DHT peers on the left, then whether other computers can reach this
 * one, how the user's posts leave it (copies sent and the uplink they were picked for), the clock on the right.
 */
public final class StatusBar extends HBox {

    public StatusBar(StatusViewModel model) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(model.connection());
        model.online().addListener((obs, was, online) -> connection.setGraphic(new OnlineDot(online)));
        connection.setGraphic(new OnlineDot(model.online().get()));
        Label clock = new Label();
        clock.setId("clockStatus");
        clock.textProperty().bind(model.clock());
        model.clockWarning().addListener((obs, was, warn) -> styleClock(clock, warn));
        styleClock(clock, model.clockWarning().get());
        Label reach = new Label();
        reach.setId("reachabilityStatus");
        reach.textProperty().bind(model.reachability());
        model.reachable().addListener((obs, was, ok) -> styleReach(reach, ok));
        styleReach(reach, model.reachable().get());
        Label fanout = new Label();
        fanout.setId("fanoutStatus");
        fanout.textProperty().bind(model.fanout());
        fanout.setGraphic(Icons.of(Feather.UPLOAD, 12));
        fanout.getStyleClass().add("muted");
        fanout.setTooltip(new Tooltip("Your followers pass each of your posts on, so this computer sends only these"
                + " copies, however many follow you. The more your uplink carries, the more copies go out at once,"
                + " and the sooner the last follower has the post."));
        getChildren().addAll(connection, reach, fanout, clock);
        Activatable.whileShown(this, model);
    }

    private static void styleReach(Label reach, boolean ok) {
        reach.setGraphic(Icons.of(ok ? Feather.GLOBE : Feather.SHIELD_OFF, 12));
        reach.getStyleClass().setAll("label", ok ? "muted" : "warning-text");
    }

    private static void styleClock(Label clock, boolean warn) {
        clock.setGraphic(Icons.of(warn ? Feather.ALERT_TRIANGLE : Feather.CLOCK, 12));
        clock.getStyleClass().setAll("label", warn ? "warning-text" : "muted");
    }
}
