package murmur.timeline.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import murmur.dht.node.DhtNode;
import murmur.dht.SetEntry;
import murmur.timeline.TimelineException;
import murmur.timeline.UserName;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.identity.WriterChecks;
import murmur.timeline.records.FollowerEntryValue;
import murmur.timeline.records.FollowingValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads anyone's follow relations from the DHT, believing only entries signed by the user they name. */
public final class FollowGraph {
    private static final Logger LOG = LoggerFactory.getLogger(FollowGraph.class);

    private final DhtNode dht;
    private final UserDirectory users;

    public FollowGraph(DhtNode dht, UserDirectory users) {
        this.dht = dht;
        this.users = users;
    }

    /** The names in {@code following/<name>}, if the record is signed by {@code name}'s key. */
    public CompletableFuture<List<String>> followingOf(String name) {
        return users.valueOf(name, Keys.following(name), FollowingValue.class, "following/" + name)
                .thenApply(v -> v.map(f -> List.copyOf(new TreeSet<>(f.names().stream().filter(UserName::isValid)
                        .toList()))).orElse(List.of()));
    }

    /**
     * The followers of {@code name}: entries of {@code followers/<name>} whose signer is the follower they name. The
     * check costs at most {@link WriterChecks#LOOKUPS_PER_READ} account lookups per call however many entries the
     * set holds; entries refused lately cost nothing ({@link WriterChecks}).
     */
    public CompletableFuture<List<String>> followersOf(String name) {
        String what = "followers/" + name;
        WriterChecks checks = users.writerChecks();
        return dht.entries(Keys.followers(name)).thenCompose(entries -> {
            List<WriterChecks.Claim> claims = new ArrayList<>();
            int malformed = 0;
            for (SetEntry e : entries) {
                if (e.tombstone() || checks.refusedLately(e)) {
                    continue;
                }
                Optional<String> claimed = claimed(e, what);
                if (claimed.isPresent()) {
                    claims.add(new WriterChecks.Claim(claimed.get(), e));
                } else {
                    checks.refuse(e);
                    malformed++;
                }
            }
            if (malformed > 0) {
                LOG.warn("dropped {} entries of {} that name no valid user", malformed, what);
            }
            return checks.genuine(claims, what).thenApply(ok -> List.copyOf(
                    new TreeSet<>(ok.stream().map(WriterChecks.Claim::name).toList())));
        });
    }

    private static Optional<String> claimed(SetEntry e, String what) {
        try {
            String claimed = RecordJson.decode(e.value(), FollowerEntryValue.class, what).follower();
            return UserName.isValid(claimed) ? Optional.of(claimed) : Optional.empty();
        } catch (TimelineException x) {
            return Optional.empty();
        }
    }
}
