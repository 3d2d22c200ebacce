package murmur.timeline.dissemination;

import java.util.List;

/**
 * Who now holds a post, sent one hop back up the tree; each hop merges what its children report and passes it on,
 * so the author learns the count from its two children instead of from every follower.
 *
 * @param author  the post's author
 * @param seq     the post's sequence number
 * @param holders followers that stored the post (or already had it)
 */
record ReceiptMessage(String author, long seq, List<String> holders) {

    ReceiptMessage {
        holders = List.copyOf(holders);
    }
}
