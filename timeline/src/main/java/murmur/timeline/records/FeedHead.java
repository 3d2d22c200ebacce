package murmur.timeline.records;

/**
 * The value of {@code feed/<name>}: the head of the author's post log.
 *
 * @param seq  the highest sequence number
 * @param hash that post's hash
 */
public record FeedHead(long seq, byte[] hash) {

    public static final FeedHead EMPTY = new FeedHead(0, new byte[32]);

    public FeedHead {
        if (seq < 0 || hash == null || hash.length != 32) {
            throw new IllegalArgumentException("a feed head needs a sequence number >= 0 and a 32-byte hash");
        }
    }
}
