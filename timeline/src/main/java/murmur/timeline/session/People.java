package murmur.timeline.session;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Suggestion;
import murmur.timeline.UserName;
import murmur.timeline.UserSummary;
import murmur.timeline.follow.FollowGraph;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.presence.PresenceService;

/** Questions about other users: who follows whom, whether a name exists, who is online, whom to follow. */
final class People {
    private final String me;
    private final FollowGraph graph;
    private final PresenceService presence;
    private final UserDirectory users;

    People(String me, FollowGraph graph, PresenceService presence, UserDirectory users) {
        this.me = me;
        this.graph = graph;
        this.presence = presence;
        this.users = users;
    }

    CompletableFuture<List<UserSummary>> followersOf(String name) {
        return graph.followersOf(name).thenCompose(this::withPresence);
    }

    CompletableFuture<List<UserSummary>> followingOf(String name) {
        return graph.followingOf(name).thenCompose(this::withPresence);
    }

    CompletableFuture<Optional<UserSummary>> find(String name) {
        if (!UserName.isValid(name)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return users.account(name).thenCompose(a -> a.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<UserSummary>empty())
                : presence.summaryOf(name).thenApply(Optional::of));
    }

    /** Users followed by those in {@code mine}, most shared first, without self and those already followed. */
    CompletableFuture<List<Suggestion>> suggestions(Set<String> mine) {
        List<CompletableFuture<List<String>>> reads = mine.stream().map(graph::followingOf).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            Map<String, Integer> counts = new HashMap<>();
            for (CompletableFuture<List<String>> r : reads) {
                if (!r.isCompletedExceptionally()) {
                    r.join().stream().filter(n -> !n.equals(me) && !mine.contains(n))
                            .forEach(n -> counts.merge(n, 1, Integer::sum));
                }
            }
            return counts.entrySet().stream().map(en -> new Suggestion(en.getKey(), en.getValue()))
                    .sorted(Comparator.comparingInt(Suggestion::followedBy).reversed()
                            .thenComparing(Suggestion::name))
                    .toList();
        });
    }

    private CompletableFuture<List<UserSummary>> withPresence(List<String> names) {
        List<CompletableFuture<UserSummary>> reads = names.stream().map(presence::summaryOf).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> reads.stream()
                .map(CompletableFuture::join).toList());
    }
}
