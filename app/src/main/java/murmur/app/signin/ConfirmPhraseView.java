package murmur.app.signin;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import murmur.app.fx.Icons;
import org.kordamp.ikonli.feather.Feather;

/** The recovery phrase in a numbered grid, three fields to type words back and "I wrote it down". */
final class ConfirmPhraseView extends VBox {

    ConfirmPhraseView(ConfirmPhraseViewModel model) {
        super(10);
        setId("confirmPhrase");
        Label title = new Label("Your recovery phrase");
        title.getStyleClass().add(Styles.TITLE_3);
        Label explanation = new Label(model.explanation());
        explanation.setWrapText(true);
        GridPane words = new GridPane();
        words.setId("phraseWords");
        words.setHgap(14);
        words.setVgap(4);
        for (int i = 0; i < model.numbered().size(); i++) {
            Label word = new Label(model.numbered().get(i));
            word.getStyleClass().add("phrase-word");
            words.add(word, i % 4, i / 4);
        }
        Label ask = new Label("To be sure, type these words of it:");
        GridPane answers = new GridPane();
        answers.setHgap(10);
        answers.setVgap(6);
        for (int i = 0; i < model.asked().size(); i++) {
            TextField answer = new TextField();
            answer.setId("confirmWord" + i);
            answer.textProperty().bindBidirectional(model.answer(i));
            answer.setOnAction(e -> model.confirm());
            answers.add(new Label(model.question(i)), 0, i);
            answers.add(answer, 1, i);
        }
        Button done = new Button("I wrote it down", Icons.of(Feather.CHECK));
        done.setId("confirmPhraseButton");
        done.getStyleClass().add(Styles.ACCENT);
        done.setOnAction(e -> model.confirm());
        Label error = new Label("", Icons.of(Feather.ALERT_CIRCLE));
        error.setId("confirmError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(title, explanation, words, ask, answers, done, error);
    }
}
