package murmur.timeline.dissemination;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Who follows whom and where online users' peers listen, as the DHT says. */
interface PeerDirectory {

    /** The verified followers of {@code user}. */
    CompletableFuture<List<String>> followersOf(String user);

    /** The {@code host:port} of {@code user}'s peer if the user is online now. */
    CompletableFuture<Optional<String>> onlineAddress(String user);

    /**
     * The addresses of {@code user}'s device {@code device} if it is online now ({@code presence/<name>/<device>}):
     * the one peer sure to hold that device's whole log. Empty where devices do not publish presence.
     */
    default CompletableFuture<Optional<String>> onlineAddress(String user, String device) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** The followers of {@code user} who are online now, with their addresses, in no particular order. */
    default CompletableFuture<List<Hop>> onlineFollowers(String user) {
        return followersOf(user).thenCompose(names -> {
            List<CompletableFuture<Optional<Hop>>> lookups = names.stream()
                    .map(n -> onlineAddress(n).thenApply(a -> a.map(address -> new Hop(n, address)))
                            .exceptionally(e -> Optional.empty()))
                    .toList();
            return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(v -> lookups.stream()
                    .map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }
}
