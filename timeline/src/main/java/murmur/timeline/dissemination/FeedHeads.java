package murmur.timeline.dissemination;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.records.FeedHead;
import murmur.timeline.records.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code feed/<author>}: where each of an author's logs ends, if signed by the author's pinned key. */
final class FeedHeads {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHeads.class);

    private final UserDirectory users;

    FeedHeads(UserDirectory users) {
        this.users = users;
    }

    /** Per log, the head's sequence number; empty if there is no trustworthy record (or it cannot be read now). */
    CompletableFuture<Optional<Map<String, Long>>> heads(String author) {
        return users.valueOf(author, Keys.feed(author), FeedHead.class, "feed/" + author)
                .thenApply(h -> h.map(FeedHead::heads)).exceptionally(e -> {
                    LOG.info("feed/{} could not be read: {}", author, e.getMessage());
                    return Optional.empty();
                });
    }
}
