package murmur.app.feed;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.fx.Activatable;
import murmur.app.fx.OnUi;
import murmur.app.fx.Problems;
import murmur.app.fx.Subscriptions;
import murmur.timeline.TimelineEntry;
import murmur.timeline.TimelineService;

/** The home timeline, newest first, updated live while shown; {@link #refreshAges()} re-reads the clock. */
public final class TimelineViewModel implements Activatable {
    private final TimelineService service;
    private final Clock clock;
    private final Executor ui;
    private final ObservableList<PostItem> posts = FXCollections.observableArrayList();
    private final SimpleBooleanProperty empty = new SimpleBooleanProperty(true);
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final Subscriptions subscriptions = new Subscriptions();
    private List<TimelineEntry> latest = List.of();

    public TimelineViewModel(TimelineService service, Clock clock, Executor ui) {
        this.service = service;
        this.clock = clock;
        this.ui = ui;
    }

    public ObservableList<PostItem> posts() {
        return posts;
    }

    /** Why the last delete, like or repost failed, in words; empty otherwise. */
    public ReadOnlyStringProperty error() {
        return error;
    }

    /** Deletes one of the user's posts, here and at every follower; it leaves the list when the delete is stored. */
    public void delete(PostItem item) {
        reportFailure(service.delete(item.post()));
    }

    /** Likes the post the row shows, or takes the like back; the count changes when that is recorded. */
    public void toggleLike(PostItem item) {
        reportFailure(service.like(item.subject(), !item.liked()));
    }

    /** Passes the post the row shows on to the user's followers; the repost joins the list when stored. */
    public void repost(PostItem item) {
        reportFailure(service.repost(item.subject()));
    }

    private void reportFailure(CompletableFuture<?> action) {
        error.set("");
        action.whenCompleteAsync((v, failure) -> {
            if (failure != null) {
                error.set(Problems.describe(failure));
            }
        }, ui);
    }

    /** True while the timeline holds no post at all. */
    public ReadOnlyBooleanProperty empty() {
        return empty;
    }

    @Override
    public void activate() {
        subscriptions.add(OnUi.observe(service.timeline(), ui, entries -> {
            latest = entries;
            refreshAges();
        }));
    }

    @Override
    public void deactivate() {
        subscriptions.closeAll();
    }

    /** Rebuilds the rows so that "2 min" becomes "3 min" as time passes. */
    public void refreshAges() {
        posts.setAll(latest.stream()
                .map(e -> PostItem.of(e, service.user(), clock.instant(), clock.getZone())).toList());
        empty.set(posts.isEmpty());
    }
}
