package murmur.app.signin;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import murmur.app.fx.FormRows;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The first screen: name (with the rules beneath), password, "Sign in" (Enter) and "Create account". While the
 * view model is busy the fields lock and a spinner says what is happening; errors show in words under the buttons.
 * "Restore with recovery phrase" swaps the buttons for the 24 words and a new password; after "Create account" the
 * card shows the recovery phrase to confirm.
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
        password.setOnAction(e -> {
            if (model.restoring().get()) {
                model.restore();
            } else {
                model.signIn();
            }
        });

        Button signIn = new Button("Sign in", Icons.of(Feather.LOG_IN));
        signIn.setId("signIn");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.defaultButtonProperty().bind(model.restoring().not());
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
        Label passwordLabel = new Label();
        passwordLabel.textProperty().bind(javafx.beans.binding.Bindings.when(model.restoring())
                .then("New password").otherwise("Password"));
        VBox restoreBox = restoreForm(model);
        Hyperlink toRestore = new Hyperlink("Restore with recovery phrase");
        toRestore.setId("restoreLink");
        toRestore.setOnAction(e -> model.restoring().set(true));
        VBox signInBox = new VBox(10, buttons, toRestore);
        signInBox.visibleProperty().bind(model.restoring().not());
        signInBox.managedProperty().bind(signInBox.visibleProperty());
        VBox card = new VBox(brand, tagline, new Label("Name"), name, rules, passwordLabel, password,
                passwordRules, signInBox, restoreBox,
                FormRows.busy(model.progress(), model.busy()), FormRows.error(model.error()));
        card.getStyleClass().add("sign-in-card");
        card.setMaxWidth(440);
        card.setMaxHeight(USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        model.confirmation().addListener((obs, was, now) -> {
            if (now == null) {
                getChildren().setAll(card);
            } else {
                VBox confirm = new VBox(new ConfirmPhraseView(now));
                confirm.getStyleClass().add("sign-in-card");
                confirm.setMaxWidth(560);
                confirm.setMaxHeight(USE_PREF_SIZE);
                StackPane.setAlignment(confirm, Pos.CENTER);
                getChildren().setAll(confirm);
            }
        });
    }

    private static VBox restoreForm(SignInViewModel model) {
        TextArea phrase = new TextArea();
        phrase.setId("phrase");
        phrase.setPromptText("the 24 words of your recovery phrase, in order");
        phrase.setWrapText(true);
        phrase.setPrefRowCount(4);
        phrase.textProperty().bindBidirectional(model.phrase());
        phrase.disableProperty().bind(model.busy());
        Button restore = new Button("Restore", Icons.of(Feather.KEY));
        restore.setId("restore");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.setMaxWidth(Double.MAX_VALUE);
        restore.disableProperty().bind(model.canRestore().not());
        restore.setOnAction(e -> model.restore());
        Hyperlink back = new Hyperlink("Back to sign in");
        back.setId("restoreBack");
        back.setOnAction(e -> model.restoring().set(false));
        VBox box = new VBox(10, new Label("Recovery phrase"), phrase, restore, back);
        box.visibleProperty().bind(model.restoring());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
