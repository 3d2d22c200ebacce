package murmur.app.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.fx.Problems;
import murmur.timeline.TimelineService;

/** A thread: one post and the replies to it held here, oldest first, with a line that says how many. */
public final class ThreadViewModel {
    private final TimelineService service;
    private final Clock clock;
    private final Executor ui;
    private final ObservableList<PostItem> posts = FXCollections.observableArrayList();
    private final SimpleStringProperty status = new SimpleStringProperty("");

    public ThreadViewModel(TimelineService service, Clock clock, Executor ui) {
        this.service = service;
        this.clock = clock;
        this.ui = ui;
    }

    /** The post first, then its replies. */
    public ObservableList<PostItem> posts() {
        return posts;
    }

    /** "2 replies", "No replies yet", "Loading replies…" or why they could not be read. */
    public ReadOnlyStringProperty status() {
        return status;
    }

    /** Shows {@code parent}'s thread: the post at once, its replies once read. */
    public void open(PostItem parent) {
        posts.setAll(parent);
        status.set("Loading replies…");
        service.replies(parent.post()).whenCompleteAsync((replies, failure) -> {
            if (posts.isEmpty() || posts.get(0) != parent) {
                return; // another thread was opened meanwhile
            }
            if (failure != null) {
                status.set(Problems.describe(failure));
                return;
            }
            List<PostItem> all = new ArrayList<>();
            all.add(parent);
            replies.forEach(r -> all.add(PostItem.of(r, service.user(), clock.instant(), clock.getZone())));
            posts.setAll(all);
            status.set(replies.isEmpty() ? "No replies yet" : replies.size() == 1 ? "1 reply"
                    : replies.size() + " replies");
        }, ui);
    }
}
