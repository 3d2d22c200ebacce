package murmur.app.feed;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.fx.Problems;
import murmur.timeline.TimelineService;

/** The posts held here that carry one {@code #tag}, newest first, with a line that says how many. */
public final class TagViewModel {
    private final TimelineService service;
    private final Clock clock;
    private final Executor ui;
    private final ObservableList<PostItem> posts = FXCollections.observableArrayList();
    private final SimpleStringProperty status = new SimpleStringProperty("");
    private String shown = "";

    public TagViewModel(TimelineService service, Clock clock, Executor ui) {
        this.service = service;
        this.clock = clock;
        this.ui = ui;
    }

    public ObservableList<PostItem> posts() {
        return posts;
    }

    /** "3 posts with #kademlia held here", or why they could not be read. */
    public ReadOnlyStringProperty status() {
        return status;
    }

    /** Shows the posts with {@code tag} (without its sign). */
    public void open(String tag) {
        shown = tag;
        posts.clear();
        status.set("Looking for #" + tag + "…");
        service.postsContaining("#" + tag).whenCompleteAsync((found, failure) -> {
            if (!tag.equals(shown)) {
                return; // another tag was opened meanwhile
            }
            if (failure != null) {
                status.set(Problems.describe(failure));
                return;
            }
            List<PostItem> items = found.stream().filter(p -> PostText.hasTag(p.text(), tag))
                    .map(p -> PostItem.of(p, service.user(), clock.instant(), clock.getZone())).toList();
            posts.setAll(items);
            status.set((items.isEmpty() ? "No posts" : items.size() == 1 ? "1 post" : items.size() + " posts")
                    + " with #" + tag + " held here");
        }, ui);
    }
}
