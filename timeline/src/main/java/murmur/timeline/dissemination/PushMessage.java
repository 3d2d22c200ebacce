package murmur.timeline.dissemination;

import java.util.List;
import murmur.timeline.Post;

/**
 * A post on its way down the tree. {@code subtree} is the receiver's part of the author's ordering, laid out as a
 * heap: the receiver is entry 0 and the entry at {@code i} forwards to {@code 2i+1} and {@code 2i+2}.
 *
 * @param post    the signed post
 * @param depth   hops from the author to the receiver, 1 for the author's own children
 * @param replyTo {@code host:port} of the sender, where receipts go back
 * @param subtree the receiver and everyone below it
 */
record PushMessage(Post post, int depth, String replyTo, List<Hop> subtree) {

    PushMessage {
        subtree = List.copyOf(subtree);
        if (subtree.isEmpty()) {
            throw new IllegalArgumentException("a push names at least its receiver");
        }
    }
}
