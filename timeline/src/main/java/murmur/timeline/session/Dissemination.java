package murmur.timeline.session;

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
}
