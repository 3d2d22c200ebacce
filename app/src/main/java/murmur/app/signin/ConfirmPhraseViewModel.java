package murmur.app.signin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Right after registration: the 24-word recovery phrase, and a check that the user wrote it down, by typing back
 * three of the words chosen at random. {@link #confirm()} calls {@code confirmed} once all three match.
 */
public final class ConfirmPhraseViewModel {
    /** How many words the user types back. */
    public static final int ASKED = 3;

    private final List<String> phrase;
    private final List<Integer> asked;
    private final List<StringProperty> answers = new ArrayList<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final Runnable confirmed;

    public ConfirmPhraseViewModel(List<String> phrase, Random random, Runnable confirmed) {
        this.phrase = List.copyOf(phrase);
        this.confirmed = confirmed;
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < phrase.size(); i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        this.asked = positions.subList(0, Math.min(ASKED, positions.size())).stream().sorted().toList();
        for (int i = 0; i < asked.size(); i++) {
            StringProperty answer = new SimpleStringProperty("");
            answer.addListener((obs, was, now) -> error.set(""));
            answers.add(answer);
        }
    }

    /** The words, in order. */
    public List<String> phrase() {
        return phrase;
    }

    /** The words numbered "1. abandon", for showing in a grid. */
    public List<String> numbered() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < phrase.size(); i++) {
            out.add((i + 1) + ". " + phrase.get(i));
        }
        return out;
    }

    /** The positions (0-based) asked for. */
    public List<Integer> asked() {
        return asked;
    }

    /** The label for the {@code i}-th question: "Word 5". */
    public String question(int i) {
        return "Word " + (asked.get(i) + 1);
    }

    public StringProperty answer(int i) {
        return answers.get(i);
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public String explanation() {
        return "Write these 24 words down, in order, and keep them somewhere safe. They restore your account on a new"
                + " computer if you lose this one or forget your password. Anyone who has them can sign in as you.";
    }

    public void confirm() {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String typed = answers.get(i).get() == null ? "" : answers.get(i).get().strip().toLowerCase(Locale.ROOT);
            if (!typed.equals(phrase.get(asked.get(i)))) {
                wrong.add(String.valueOf(asked.get(i) + 1));
            }
        }
        if (wrong.isEmpty()) {
            error.set("");
            confirmed.run();
        } else {
            error.set((wrong.size() == 1 ? "Word " + wrong.get(0) + " does not match" : "Words "
                    + String.join(", ", wrong) + " do not match") + " the phrase. Check what you wrote down.");
        }
    }
}
