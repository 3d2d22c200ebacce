package murmur.app.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.fx.Activatable;
import murmur.app.fx.OnUi;
import murmur.app.fx.Problems;
import murmur.app.fx.Subscriptions;
import murmur.timeline.Suggestion;
import murmur.timeline.TimelineService;

/**
 * Suggestions from {@link TimelineService#suggestions()}, reloaded whenever the user's follows change. Users the
 * network introduces ({@code featured}, e.g. the demo's users) fill the list while it is short, so a new account
 * has someone to follow.
 */
public final class WhoToFollowViewModel implements Activatable {
    private static final int SHOWN = 6;

    private final TimelineService service;
    private final List<String> featured;
    private final Executor ui;
    private final ObservableList<SuggestionItem> items = FXCollections.observableArrayList();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final Subscriptions subscriptions = new Subscriptions();
    private Set<String> following = Set.of();

    public WhoToFollowViewModel(TimelineService service, List<String> featured, Executor ui) {
        this.service = service;
        this.featured = List.copyOf(featured);
        this.ui = ui;
    }

    public ObservableList<SuggestionItem> items() {
        return items;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    @Override
    public void activate() {
        subscriptions.add(OnUi.observe(service.following(), ui, names -> {
            following = names;
            reload();
        }));
    }

    @Override
    public void deactivate() {
        subscriptions.closeAll();
    }

    public void reload() {
        Set<String> followingNow = following;
        service.suggestions().whenCompleteAsync((found, failure) -> {
            if (failure != null) {
                error.set(Problems.describe(failure));
                showAll(List.of(), followingNow);
            } else {
                error.set("");
                showAll(found, followingNow);
            }
        }, ui);
    }

    /** Follows {@code name}; the follow list's change reloads the suggestions. */
    public void follow(String name) {
        service.follow(name).whenCompleteAsync((v, failure) -> {
            if (failure != null) {
                error.set(Problems.describe(failure));
            } else {
                items.removeIf(i -> i.name().equals(name));
            }
        }, ui);
    }

    private void showAll(List<Suggestion> found, Set<String> followingNow) {
        List<SuggestionItem> rows = new ArrayList<>();
        found.stream().limit(SHOWN).forEach(s -> rows.add(SuggestionItem.followedBy(s.name(), s.followedBy())));
        featured.stream()
                .filter(n -> !n.equals(service.user()) && !followingNow.contains(n))
                .filter(n -> rows.stream().noneMatch(r -> r.name().equals(n)))
                .limit(Math.max(0, SHOWN - rows.size()))
                .forEach(n -> rows.add(SuggestionItem.featured(n)));
        items.setAll(rows);
    }
}
