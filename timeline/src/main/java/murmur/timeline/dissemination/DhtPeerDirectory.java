package murmur.timeline.dissemination;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.follow.FollowGraph;
import murmur.timeline.presence.PresenceService;

/** {@link PeerDirectory} over {@code followers/<name>} and {@code presence/<name>}, trusting only signed entries. */
final class DhtPeerDirectory implements PeerDirectory {
    private final FollowGraph graph;
    private final PresenceService presence;

    DhtPeerDirectory(FollowGraph graph, PresenceService presence) {
        this.graph = graph;
        this.presence = presence;
    }

    @Override
    public CompletableFuture<List<String>> followersOf(String user) {
        return graph.followersOf(user);
    }

    @Override
    public CompletableFuture<Optional<String>> onlineAddress(String user) {
        return presence.presenceOf(user).thenApply(p -> presence.isOnline(p) && !p.addresses().isEmpty()
                ? Optional.of(p.addresses().get(0)) : Optional.empty());
    }
}
