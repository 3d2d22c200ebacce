package murmur.timeline.dissemination;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.dht.DhtNode;
import murmur.timeline.TimelineException;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.records.FeedHead;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code feed/<author>}: the last sequence number of an author's log, if signed by the author's pinned key. */
final class FeedHeads {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHeads.class);

    private final DhtNode dht;
    private final UserDirectory users;

    FeedHeads(DhtNode dht, UserDirectory users) {
        this.dht = dht;
        this.users = users;
    }

    /** The head's sequence number; empty if there is no trustworthy record (or it cannot be read now). */
    CompletableFuture<Optional<Long>> lastSeq(String author) {
        return users.publicKey(author).thenCombine(dht.get(Keys.feed(author)), (key, record) -> {
            if (key.isEmpty() || record.isEmpty()) {
                return Optional.<Long>empty();
            }
            if (!Arrays.equals(key.get(), record.get().owner())) {
                LOG.warn("feed/{} is signed by a key that is not {}'s; ignored", author, author);
                return Optional.<Long>empty();
            }
            try {
                return Optional.of(RecordJson.decode(record.get().value(), FeedHead.class, "feed/" + author).seq());
            } catch (TimelineException e) {
                LOG.warn("{}", e.getMessage());
                return Optional.<Long>empty();
            }
        }).exceptionally(e -> {
            LOG.info("feed/{} could not be read: {}", author, e.getMessage());
            return Optional.empty();
        });
    }
}
