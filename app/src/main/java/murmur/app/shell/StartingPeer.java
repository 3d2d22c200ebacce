package murmur.app.shell;

import java.util.concurrent.CompletableFuture;
import murmur.timeline.Accounts;

/**
 * A peer the window can open on while it is still joining.
 *
 * @param accounts the peer
 * @param started  its start; a failure shows on the sign-in screen
 */
public record StartingPeer(Accounts accounts, CompletableFuture<Void> started) {}
