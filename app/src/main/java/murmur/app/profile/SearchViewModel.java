package murmur.app.profile;

import java.util.concurrent.Executor;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import murmur.app.fx.Problems;
import murmur.timeline.TimelineService;
import murmur.timeline.UserName;

/** Finds a user by exact name and opens their profile; says so in words when there is no such user. */
public final class SearchViewModel {
    private final TimelineService service;
    private final Executor ui;
    private final Consumer<String> open;
    private final StringProperty query = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();

    public SearchViewModel(TimelineService service, Executor ui, Consumer<String> open) {
        this.service = service;
        this.ui = ui;
        this.open = open;
        query.addListener((obs, was, now) -> message.set(""));
    }

    public StringProperty query() {
        return query;
    }

    /** Why the last search found nothing; empty otherwise. */
    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public void search() {
        String name = query.get().strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        if (name.isEmpty() || busy.get()) {
            return;
        }
        if (!UserName.isValid(name)) {
            message.set("'" + name + "' cannot be a name; a name has " + UserName.RULES + ".");
            return;
        }
        busy.set(true);
        service.findUser(name).whenCompleteAsync((found, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(Problems.describe(failure));
            } else if (found.isEmpty()) {
                message.set("Nobody is called '" + name + "'.");
            } else {
                query.set("");
                open.accept(name);
            }
        }, ui);
    }
}
