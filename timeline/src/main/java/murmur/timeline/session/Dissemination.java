package murmur.timeline.session;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;

/**
 * Moves posts between peers: sends the user's new posts to the followers and fetches what the user missed. The
 * dissemination package implements it.
 */
public interface Dissemination {

    /** The user's post is on disk: send it to the followers. Must not block. */
    void published(Post post);

    /** Fetches the posts of {@code authors} this peer lacks; completes with how many arrived. */
    CompletableFuture<Integer> catchUp(String user, Set<String> authors);

    /**
     * Sends the user's new post straight to the user's other devices, online at {@code devices} (each a peer's
     * comma-joined addresses), so they show it at once. Best effort: a device that misses it catches up. Must not
     * block.
     */
    void toOwnDevices(Post post, List<String> devices);

    /**
     * Fetches what the user's own logs lack, asking the user's other devices at {@code devices} first, then the
     * followers; completes with how many posts arrived.
     */
    CompletableFuture<Integer> catchUpOwn(String user, List<String> devices);
}
