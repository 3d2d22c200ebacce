package murmur.app.firstrun;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import murmur.app.fx.FormRows;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The screen before sign-in on a first start with no bootstrap node: what Murmur needs and why, the address field
 * ({@code host:port}, Enter connects), "Connect", a spinner while the node is asked, and what is wrong in words.
 */
public final class FirstRunView extends StackPane {

    public FirstRunView(FirstRunViewModel model) {
        getStyleClass().add("sign-in-background");
        Label brand = new Label("Murmur", Icons.of(Feather.MESSAGE_CIRCLE, 26));
        brand.getStyleClass().add("brand");
        Label heading = new Label("Join a Murmur network");
        heading.getStyleClass().add("card-heading");
        Label explanation = new Label(model.explanation());
        explanation.setId("explanation");
        explanation.setWrapText(true);

        TextField address = new TextField();
        address.setId("bootstrapAddress");
        address.setPromptText(FirstRunViewModel.EXAMPLE);
        address.getStyleClass().add("address-field");   // the example stays in sight while the field has focus
        address.textProperty().bindBidirectional(model.address());
        address.disableProperty().bind(model.busy());
        address.setOnAction(e -> model.connect());
        HBox.setHgrow(address, Priority.ALWAYS);

        Button connect = new Button("Connect", Icons.of(Feather.LOG_IN));
        connect.setId("connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.canConnect().not());
        connect.setOnAction(e -> model.connect());
        HBox row = new HBox(10, address, connect);
        row.setAlignment(Pos.CENTER_LEFT);

        Label saved = new Label(model.savedWhere());
        saved.setWrapText(true);
        saved.getStyleClass().addAll(Styles.TEXT_SMALL, "muted");

        VBox card = new VBox(brand, heading, explanation, new Label("Bootstrap node (host:port)"), row, saved,
                FormRows.busy(model.progress(), model.busy()), FormRows.error(model.error()));
        card.getStyleClass().add("sign-in-card");
        card.setMaxWidth(520);
        card.setMaxHeight(USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
    }
}
