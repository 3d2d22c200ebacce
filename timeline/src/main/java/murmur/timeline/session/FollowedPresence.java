package murmur.timeline.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import murmur.timeline.UserSummary;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.presence.PresenceService;

/** Polls the presence of the users the user follows; each poll replaces the whole map. */
final class FollowedPresence {
    private final PresenceService presence;
    private final Supplier<Set<String>> following;
    private final LiveValue<Map<String, UserSummary>> map = new LiveValue<>(Map.of());

    FollowedPresence(PresenceService presence, Supplier<Set<String>> following) {
        this.presence = presence;
        this.following = following;
    }

    Live<Map<String, UserSummary>> live() {
        return map;
    }

    CompletableFuture<Void> poll() {
        List<CompletableFuture<UserSummary>> reads = new ArrayList<>();
        for (String name : following.get()) {
            reads.add(presence.summaryOf(name));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            Map<String, UserSummary> next = new TreeMap<>();
            for (CompletableFuture<UserSummary> r : reads) {
                if (!r.isCompletedExceptionally()) {
                    UserSummary s = r.join();
                    next.put(s.name(), s);
                }
            }
            map.set(Map.copyOf(next));
            return null;
        });
    }
}
