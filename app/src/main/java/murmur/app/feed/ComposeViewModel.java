package murmur.app.feed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import murmur.app.fx.Problems;
import murmur.timeline.Post;
import murmur.timeline.TimelineService;

/**
 * The compose box: text, a counter against the limit (in code points, as the domain counts), and {@link #post()},
 * which clears the text once the post is stored and keeps it when posting fails. After {@link #replyTo} the next post
 * is a reply to that post, and after {@link #quote} a quote of it, until it is sent or {@link #cancelReply()}.
 */
public final class ComposeViewModel {
    private final TimelineService service;
    private final Executor ui;
    private final StringProperty text = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<PostItem> replyingTo = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty quoting = new SimpleBooleanProperty();
    private final StringBinding replyBanner;
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
        replyBanner = Bindings.createStringBinding(() -> replyingTo.get() == null ? ""
                : (quoting.get() ? "Quoting @" : "Replying to @") + replyingTo.get().author() + ": "
                        + excerpt(replyingTo.get().text()), replyingTo, quoting);
    }

    /** Makes the next post a reply to {@code item} (to the original, for a repost). */
    public void replyTo(PostItem item) {
        quoting.set(false);
        replyingTo.set(item);
        error.set("");
    }

    /** Makes the next post a quote of {@code item}: the words written show the post beneath them. */
    public void quote(PostItem item) {
        quoting.set(true);
        replyingTo.set(item);
        error.set("");
    }

    public void cancelReply() {
        replyingTo.set(null);
        quoting.set(false);
    }

    /** Whether the next post quotes {@link #replyingTo()} rather than replying to it. */
    public ReadOnlyBooleanProperty quoting() {
        return quoting;
    }

    /** The post the next post replies to, or null. */
    public ReadOnlyObjectProperty<PostItem> replyingTo() {
        return replyingTo;
    }

    /** "Replying to @ada: Is a binary tree…" (or "Quoting @ada: …"), or empty when not replying. */
    public StringBinding replyBanner() {
        return replyBanner;
    }

    private static String excerpt(String text) {
        int limit = 60;
        return text.codePointCount(0, text.length()) <= limit ? text
                : text.substring(0, text.offsetByCodePoints(0, limit)) + "…";
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
        PostItem parent = replyingTo.get();
        CompletableFuture<Post> sending = parent == null ? service.post(sent)
                : quoting.get() ? service.quote(parent.subject(), sent) : service.reply(parent.subject(), sent);
        sending.whenCompleteAsync((post, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(Problems.describe(failure));
                return;
            }
            if (text.get().equals(sent)) {
                text.set("");
            }
            if (replyingTo.get() == parent) {
                cancelReply();
            }
        }, ui);
    }
}
