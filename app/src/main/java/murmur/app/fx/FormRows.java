package murmur.app.fx;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/** The rows a form shows under its buttons: what it is doing while busy, and what went wrong, in words. */
public final class FormRows {

    private FormRows() {}

    /** A spinner and {@code progress}, shown (and taking room) only while {@code busy}; its label has id "progress". */
    public static HBox busy(ObservableStringValue progress, ObservableBooleanValue busy) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMinSize(22, 22);
        spinner.setPrefSize(22, 22);
        Label what = new Label();
        what.setId("progress");
        what.setWrapText(true);
        what.textProperty().bind(progress);
        HBox row = new HBox(10, spinner, what);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(busy);
        row.managedProperty().bind(busy);
        return row;
    }

    /** {@code error} with an alert icon, shown (and taking room) only when not empty; the label has id "error". */
    public static Label error(ObservableStringValue error) {
        Label label = new Label("", Icons.of(Feather.ALERT_CIRCLE));
        label.setId("error");
        label.setWrapText(true);
        label.getStyleClass().add("error-text");
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
