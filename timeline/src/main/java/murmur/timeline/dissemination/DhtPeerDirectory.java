package murmur.timeline.dissemination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import murmur.timeline.follow.FollowGraph;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.presence.PresenceService;

/**
 * {@link PeerDirectory} over {@code followers/<name>} and {@code presence/<name>}, trusting only signed entries.
 * Where an online user's peer listens is remembered for a short while, so an author posting several times in a row
 * does not look up every follower's presence again for each post (a thousand followers, a thousand lookups). Only
 * online answers are remembered: a follower who just logged in must not miss a post for a stale "offline", while
 * one who just left costs a failed hop, after which its children are adopted.
 */
final class DhtPeerDirectory implements PeerDirectory {
    private final FollowGraph graph;
    private final PresenceService presence;
    private final Clock clock;
    private final Duration remember;
    private final Map<String, Seen> addresses = new ConcurrentHashMap<>();

    DhtPeerDirectory(FollowGraph graph, PresenceService presence, Clock clock, Duration remember) {
        this.graph = graph;
        this.presence = presence;
        this.clock = clock;
        this.remember = remember;
    }

    @Override
    public CompletableFuture<List<String>> followersOf(String user) {
        return graph.followersOf(user);
    }

    @Override
    public CompletableFuture<Optional<String>> onlineAddress(String user, String device) {
        return presence.presenceOf(user, device).thenApply(p -> presence.isOnline(p) && !p.addresses().isEmpty()
                ? Optional.of(PeerAddresses.join(p.addresses())) : Optional.<String>empty());
    }

    @Override
    public CompletableFuture<Optional<String>> onlineAddress(String user) {
        Instant now = clock.instant();
        Seen seen = addresses.get(user);
        if (seen != null && now.isBefore(seen.at().plus(remember))) {
            return CompletableFuture.completedFuture(seen.address());
        }
        return presence.presenceOf(user).thenApply(p -> {
            Optional<String> address = presence.isOnline(p) && !p.addresses().isEmpty()
                    ? Optional.of(PeerAddresses.join(p.addresses())) : Optional.empty();
            if (address.isPresent()) {
                addresses.put(user, new Seen(now, address));
            } else {
                addresses.remove(user);
            }
            return address;
        });
    }

    private record Seen(Instant at, Optional<String> address) {}
}
