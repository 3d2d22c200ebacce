package murmur.app.settings;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/** The Settings page: password, recovery phrase and devices, each a section with its message in words. */
public final class SettingsView extends ScrollPane {

    public SettingsView(SettingsViewModel model) {
        setId("settingsPage");
        setFitToWidth(true);
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        VBox page = new VBox(18, title, passwordSection(model), phraseSection(model), devicesSection(model));
        page.getStyleClass().add("page");
        page.setStyle("-fx-padding: 16;");
        setContent(page);
    }

    private static VBox passwordSection(SettingsViewModel model) {
        PasswordField old = password("oldPassword", "current password", model.oldPassword());
        PasswordField fresh = password("newPassword", "new password", model.newPassword());
        PasswordField repeat = password("repeatPassword", "new password again", model.repeatPassword());
        repeat.setOnAction(e -> model.changePassword());
        Button change = new Button("Change password", Icons.of(Feather.LOCK));
        change.setId("changePassword");
        change.disableProperty().bind(model.canChangePassword().not());
        change.setOnAction(e -> model.changePassword());
        return section("Password", old, fresh, repeat, change, message("passwordMessage", model.passwordMessage(),
                false), message("passwordError", model.passwordError(), true));
    }

    private static VBox phraseSection(SettingsViewModel model) {
        Label about = new Label("The 24 words that restore your account on a new computer. Type your password to"
                + " see them; keep them away from other eyes.");
        about.setWrapText(true);
        PasswordField pw = password("phrasePassword", "password", model.phrasePassword());
        pw.setOnAction(e -> model.showPhrase());
        Button show = new Button("Show recovery phrase", Icons.of(Feather.EYE));
        show.setId("showPhrase");
        show.setOnAction(e -> model.showPhrase());
        Button hide = new Button("Hide", Icons.of(Feather.EYE_OFF));
        hide.setId("hidePhrase");
        hide.setOnAction(e -> model.hidePhrase());
        hide.visibleProperty().bind(model.phrase().isNotEmpty());
        Label words = new Label();
        words.setId("shownPhrase");
        words.setWrapText(true);
        words.textProperty().bind(model.phrase());
        words.visibleProperty().bind(model.phrase().isNotEmpty());
        words.managedProperty().bind(words.visibleProperty());
        return section("Recovery phrase", about, new HBox(10, pw, show, hide), words,
                message("phraseError", model.phraseError(), true));
    }

    private static VBox devicesSection(SettingsViewModel model) {
        ListView<DeviceItem> list = new ListView<>(model.devices());
        list.setId("devices");
        list.setPrefHeight(180);
        list.setCellFactory(v -> new DeviceCell(model));
        list.visibleProperty().bind(model.devicesNote().isEmpty());
        list.managedProperty().bind(list.visibleProperty());
        Label note = message("devicesNote", model.devicesNote(), false);
        Button others = new Button("Sign out other devices", Icons.of(Feather.LOG_OUT));
        others.setId("signOutOthers");
        others.disableProperty().bind(model.devicesNote().isNotEmpty());
        others.setOnAction(e -> model.signOutOtherDevices());
        return section("Devices", note, list, others, message("devicesError", model.devicesError(), true));
    }

    private static PasswordField password(String id, String prompt, javafx.beans.property.StringProperty text) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setMaxWidth(320);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static Label message(String id, javafx.beans.value.ObservableStringValue text, boolean error) {
        Label label = error ? new Label("", Icons.of(Feather.ALERT_CIRCLE)) : new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(error ? "error-text" : "muted");
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static VBox section(String heading, javafx.scene.Node... content) {
        Label h = new Label(heading);
        h.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, h);
        box.getChildren().addAll(content);
        return box;
    }

    /** Name, detail, Rename and Revoke (not for this device or a revoked one). */
    private static final class DeviceCell extends ListCell<DeviceItem> {
        private final SettingsViewModel model;

        DeviceCell(SettingsViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(DeviceItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("muted");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button rename = new Button("Rename");
            rename.setOnAction(e -> {
                TextInputDialog ask = new TextInputDialog(item.name());
                ask.setHeaderText("A new name for this device");
                ask.showAndWait().ifPresent(n -> model.rename(item.id(), n));
            });
            rename.setDisable(item.revoked());
            Button revoke = new Button("Revoke");
            revoke.getStyleClass().add(Styles.DANGER);
            revoke.setDisable(item.revoked() || item.thisDevice());
            revoke.setOnAction(e -> model.revoke(item.id()));
            HBox row = new HBox(10, new VBox(2, name, detail), spacer, rename, revoke);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
