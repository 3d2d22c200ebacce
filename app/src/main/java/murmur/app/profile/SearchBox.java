package murmur.app.profile;

import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/** A search field: Enter opens the profile of the user with that name, or says there is none. */
public final class SearchBox extends VBox {
    private final CustomTextField field = new CustomTextField();

    public SearchBox(SearchViewModel model) {
        super(4);
        field.setId("search");
        field.setPromptText("Find a user by name (Ctrl+F)");
        field.setLeft(Icons.of(Feather.SEARCH));
        field.textProperty().bindBidirectional(model.query());
        field.setOnAction(e -> model.search());
        field.disableProperty().bind(model.busy());
        Label message = new Label();
        message.setId("searchMessage");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.message());
        message.managedProperty().bind(model.message().isNotEmpty());
        getChildren().addAll(field, message);
    }

    /** Puts the caret in the search field. */
    public void focus() {
        field.requestFocus();
    }
}
