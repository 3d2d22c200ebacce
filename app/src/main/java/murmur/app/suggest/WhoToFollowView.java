package murmur.app.suggest;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import murmur.app.fx.Activatable;
import murmur.app.fx.Avatar;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/** "Who to follow": a few users with the reason and a Follow button each. */
public final class WhoToFollowView extends VBox {
    private final WhoToFollowViewModel model;
    private final Consumer<String> openProfile;
    private final VBox rows = new VBox(10);

    public WhoToFollowView(WhoToFollowViewModel model, Consumer<String> openProfile) {
        super(10);
        this.model = model;
        this.openProfile = openProfile;
        setId("whoToFollow");
        Label title = new Label("Who to follow");
        title.getStyleClass().add(Styles.TITLE_4);
        Label error = new Label();
        error.getStyleClass().addAll("error-text", Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        error.managedProperty().bind(model.error().isNotEmpty());
        getChildren().addAll(title, rows, error);
        model.items().addListener((ListChangeListener<SuggestionItem>) c -> rebuild());
        rebuild();
        Activatable.whileShown(this, model);
    }

    private void rebuild() {
        rows.getChildren().clear();
        if (model.items().isEmpty()) {
            Label none = new Label("Follow people to see whom they follow.");
            none.setWrapText(true);
            none.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
            rows.getChildren().add(none);
        }
        for (SuggestionItem item : model.items()) {
            rows.getChildren().add(row(item));
        }
    }

    private HBox row(SuggestionItem item) {
        Hyperlink name = new Hyperlink(item.name());
        name.getStyleClass().add("post-author");
        name.setOnAction(e -> openProfile.accept(item.name()));
        Label reason = new Label(item.reason());
        reason.setWrapText(true);
        reason.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        VBox who = new VBox(0, name, reason);
        who.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button follow = new Button("Follow", Icons.of(Feather.USER_PLUS));
        follow.setId("follow-" + item.name());
        follow.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, Styles.ACCENT);
        follow.setMinWidth(USE_PREF_SIZE);
        follow.setOnAction(e -> {
            follow.setDisable(true);
            model.follow(item.name());
        });
        HBox row = new HBox(8, new Avatar(item.name(), 14), who, spacer, follow);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
