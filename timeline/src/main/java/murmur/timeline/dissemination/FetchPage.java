package murmur.timeline.dissemination;

import java.util.List;
import murmur.timeline.Post;

/**
 * One page of a catch-up.
 *
 * @param posts oldest first per author, at most the requested limit
 * @param heads the server's version vector for the requested authors, so the asker knows whether to ask again
 */
record FetchPage(List<Post> posts, List<LogPosition> heads) {

    FetchPage {
        posts = List.copyOf(posts);
        heads = List.copyOf(heads);
    }
}
