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
import murmur.timeline.Post;
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

    /**
     * Shows the thread {@code item} is in: the post at once; then, once read, the post it answers if it is a reply
     * (fetched from its author when not held here) and that post's replies.
     */
    public void open(PostItem item) {
        posts.setAll(item);
        status.set("Loading the thread…");
        service.thread(item.subject()).whenCompleteAsync((thread, failure) -> {
            if (posts.isEmpty() || posts.get(0) != item) {
                return; // another thread was opened meanwhile
            }
            if (failure != null) {
                status.set(Problems.describe(failure));
                return;
            }
            List<PostItem> all = new ArrayList<>();
            for (Post p : thread) {
                all.add(p.equals(item.subject()) && !item.post().isRepost() ? item
                        : PostItem.of(p, service.user(), clock.instant(), clock.getZone()));
            }
            posts.setAll(all);
            int replies = thread.size() - 1;
            boolean rootMissing = item.subject().isReply() && thread.get(0).equals(item.subject());
            status.set((rootMissing ? "The post this answers could not be fetched. " : "")
                    + (replies == 0 ? "No replies yet" : replies == 1 ? "1 reply" : replies + " replies"));
        }, ui);
    }
}
