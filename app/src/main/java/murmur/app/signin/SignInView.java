package murmur.app.signin;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The first screen: name (with the rules beneath), password, "Sign in" (Enter) and "Create account". While the
 * view model is busy the fields lock and a spinner says what is happening; errors show in words under the buttons.
 */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel model) {
        getStyleClass().add("sign-in-background");
        Label brand = new Label("Murmur", Icons.of(Feather.MESSAGE_CIRCLE, 26));
        brand.getStyleClass().add("brand");
        Label tagline = new Label("A social timeline with no server: your posts travel straight to your followers.");
        tagline.setWrapText(true);
        tagline.getStyleClass().add("muted");

        TextField name = new TextField();
        name.setId("name");
        name.setPromptText("user name");
        name.textProperty().bindBidirectional(model.name());
        Label rules = new Label(model.nameRules());
        rules.setId("nameRules");
        rules.setWrapText(true);
        rules.getStyleClass().add(Styles.TEXT_SMALL);
        model.nameInvalid().addListener((obs, was, bad) -> rules.getStyleClass().setAll(
                "label", Styles.TEXT_SMALL, bad ? "error-text" : "muted"));
        rules.getStyleClass().add("muted");

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("password");
        password.textProperty().bindBidirectional(model.password());
        password.setOnAction(e -> model.signIn());

        Button signIn = new Button("Sign in", Icons.of(Feather.LOG_IN));
        signIn.setId("signIn");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setDefaultButton(true);
        signIn.setOnAction(e -> model.signIn());
        Button register = new Button("Create account", Icons.of(Feather.USER_PLUS));
        register.setId("register");
        register.setOnAction(e -> model.register());
        signIn.disableProperty().bind(model.canSubmit().not());
        register.disableProperty().bind(model.canSubmit().not());
        signIn.setMaxWidth(Double.MAX_VALUE);
        register.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(signIn, Priority.ALWAYS);
        HBox.setHgrow(register, Priority.ALWAYS);
        HBox buttons = new HBox(10, signIn, register);

        name.disableProperty().bind(model.busy());
        password.disableProperty().bind(model.busy());

        Label passwordRules = new Label(model.passwordRules());
        passwordRules.setWrapText(true);
        passwordRules.getStyleClass().addAll(Styles.TEXT_SMALL, "muted");
        VBox card = new VBox(brand, tagline, new Label("Name"), name, rules, new Label("Password"), password,
                passwordRules, buttons, busyRow(model), errorLabel(model));
        card.getStyleClass().add("sign-in-card");
        card.setMaxWidth(440);
        card.setMaxHeight(USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
    }

    private static HBox busyRow(SignInViewModel model) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMinSize(22, 22);
        spinner.setPrefSize(22, 22);
        Label what = new Label();
        what.setId("progress");
        what.setWrapText(true);
        what.textProperty().bind(model.progress());
        HBox row = new HBox(10, spinner, what);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.busy());
        row.managedProperty().bind(model.busy());
        return row;
    }

    private static Label errorLabel(SignInViewModel model) {
        Label error = new Label("", Icons.of(Feather.ALERT_CIRCLE));
        error.setId("error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
