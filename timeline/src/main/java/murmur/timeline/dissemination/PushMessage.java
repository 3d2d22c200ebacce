package murmur.timeline.dissemination;

import java.util.List;
import murmur.timeline.Post;

/**
 * A post on its way down the tree. {@code subtree} is the receiver's part of the author's ordering, laid out as a
 * heap of the author's degree d: the receiver is entry 0 and the entry at {@code i} forwards to {@code d*i+1} up to
 * {@code d*i+d}.
 *
 * @param post    the signed post
 * @param depth   hops from the author to the receiver, 1 for the author's own children
 * @param replyTo {@code host:port} of the sender, where receipts go back
 * @param subtree the receiver and everyone below it
 * @param degree  the tree's degree, chosen by the author: 2 (binary, the default) to 16
 */
record PushMessage(Post post, int depth, String replyTo, List<Hop> subtree, int degree) {

    PushMessage {
        subtree = List.copyOf(subtree);
        if (subtree.isEmpty()) {
            throw new IllegalArgumentException("a push names at least its receiver");
        }
        if (!FanoutTree.validDegree(degree)) {
            throw new IllegalArgumentException("a tree's degree must be from " + FanoutTree.MIN_DEGREE + " to "
                    + FanoutTree.MAX_DEGREE + ", got " + degree);
        }
    }

    /** A push down a binary tree. */
    PushMessage(Post post, int depth, String replyTo, List<Hop> subtree) {
        this(post, depth, replyTo, subtree, FanoutTree.BINARY);
    }
}
