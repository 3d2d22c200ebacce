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
 */
public record FanoutSettings(Retry hopRetry, Duration receiptLinger, int pageSize, int recentPosts, int maxSources) {

    public FanoutSettings {
        if (pageSize < 1 || pageSize > FetchCodec.MAX_PAGE || recentPosts < 1 || maxSources < 1) {
            throw new IllegalArgumentException("pageSize must be 1 to " + FetchCodec.MAX_PAGE
                    + ", recentPosts and maxSources at least 1");
        }
    }

    /** The timeline's retry settings, receipts gathered for 100 ms, pages of 50, the last 100 posts, 5 sources. */
    public static FanoutSettings from(TimelineSettings settings) {
        return new FanoutSettings(Retry.fromSettings(settings), Duration.ofMillis(100), 50, PostStore.YOUNG_LOG, 5);
    }
}
