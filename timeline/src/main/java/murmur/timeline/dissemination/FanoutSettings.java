package murmur.timeline.dissemination;

import java.time.Duration;
import murmur.timeline.post.PostStore;
import murmur.config.TimelineSettings;
import murmur.timeline.link.Retry;

/**
 * How dissemination behaves.
 *
 * @param hopRetry      how a failed hop is tried again before its subtree is adopted
 * @param receiptLinger how long a hop gathers receipts before passing them up in one message
 * @param pageSize      posts per catch-up page
 * @param recentPosts   how far back a catch-up reaches for an author this peer holds nothing of
 * @param maxSources    followers asked, one after another, when the author is offline
 * @param degree        the degree of the tree the local user's posts go down, 2 (binary) to 16
 */
public record FanoutSettings(Retry hopRetry, Duration receiptLinger, int pageSize, int recentPosts, int maxSources,
        int degree) {

    public FanoutSettings {
        if (pageSize < 1 || pageSize > FetchCodec.MAX_PAGE || recentPosts < 1 || maxSources < 1) {
            throw new IllegalArgumentException("pageSize must be 1 to " + FetchCodec.MAX_PAGE
                    + ", recentPosts and maxSources at least 1");
        }
        if (!FanoutTree.validDegree(degree)) {
            throw new IllegalArgumentException("degree must be from " + FanoutTree.MIN_DEGREE + " to "
                    + FanoutTree.MAX_DEGREE + ", got " + degree);
        }
    }

    /** Settings for a binary tree. */
    public FanoutSettings(Retry hopRetry, Duration receiptLinger, int pageSize, int recentPosts, int maxSources) {
        this(hopRetry, receiptLinger, pageSize, recentPosts, maxSources, FanoutTree.BINARY);
    }

    /**
     * The timeline's retry settings, receipts gathered for 100 ms, pages of 50, the last 100 posts, 5 sources, and
     * the degree {@code timeline.fanoutDegree} names or, for {@code auto}, {@link FanoutDegree#forUplink} picks
     * from {@code timeline.uplink}.
     */
    public static FanoutSettings from(TimelineSettings settings) {
        int degree = settings.fixedFanoutDegree().orElseGet(() -> FanoutDegree.forUplink(
                settings.uplinkBitsPerSecond()));
        return new FanoutSettings(Retry.fromSettings(settings), Duration.ofMillis(100), 50, PostStore.YOUNG_LOG, 5,
                degree);
    }
}
