package murmur.app.feed;

import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import murmur.app.fx.Problems;
import murmur.timeline.TimelineService;

/**
 * The compose box: text, a counter against the limit (in code points, as the domain counts), and {@link #post()},
 * which clears the text once the post is stored and keeps it when posting fails.
 */
public final class ComposeViewModel {
    private final TimelineService service;
    private final Executor ui;
    private final StringProperty text = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final IntegerBinding length;
    private final BooleanBinding tooLong;
    private final BooleanBinding canPost;
    private final StringBinding counter;

    public ComposeViewModel(TimelineService service, Executor ui) {
        this.service = service;
        this.ui = ui;
        length = Bindings.createIntegerBinding(() -> text.get().codePointCount(0, text.get().length()), text);
        tooLong = Bindings.createBooleanBinding(() -> length.get() > service.maxPostChars(), length);
        canPost = Bindings.createBooleanBinding(() -> !busy.get() && !tooLong.get() && !text.get().isBlank(),
                busy, tooLong, text);
        counter = Bindings.createStringBinding(() -> length.get() + " / " + service.maxPostChars(), length);
        text.addListener((obs, was, now) -> error.set(""));
    }

    public StringProperty text() {
        return text;
    }

    /** "12 / 500". */
    public StringBinding counter() {
        return counter;
    }

    public BooleanBinding tooLong() {
        return tooLong;
    }

    public BooleanBinding canPost() {
        return canPost;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public void post() {
        if (!canPost.get()) {
            return;
        }
        busy.set(true);
        String sent = text.get();
        service.post(sent).whenCompleteAsync((post, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(Problems.describe(failure));
            } else if (text.get().equals(sent)) {
                text.set("");
            }
        }, ui);
    }
}
