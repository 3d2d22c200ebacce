package murmur.timeline.follow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import murmur.dht.node.DhtNode;
import murmur.dht.SetEntry;
import murmur.timeline.TimelineException;
import murmur.timeline.UserName;
import murmur.timeline.identity.UserDirectory;
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

    /** The followers of {@code name}: entries of {@code followers/<name>} whose signer is the follower they name. */
    public CompletableFuture<List<String>> followersOf(String name) {
        return dht.entries(Keys.followers(name)).thenCompose(entries -> {
            List<CompletableFuture<Optional<String>>> checks = new ArrayList<>();
            for (SetEntry e : entries) {
                if (!e.tombstone()) {
                    checks.add(follower(name, e));
                }
            }
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(v -> List.copyOf(
                    new TreeSet<>(checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList())));
        });
    }

    private CompletableFuture<Optional<String>> follower(String name, SetEntry e) {
        String claimed;
        try {
            claimed = RecordJson.decode(e.value(), FollowerEntryValue.class, "followers/" + name).follower();
        } catch (TimelineException x) {
            LOG.warn("{}", x.getMessage());
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!UserName.isValid(claimed)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return users.publicKey(claimed).handle((key, failure) -> {
            if (failure != null || key == null || key.isEmpty() || !Arrays.equals(key.get(), e.writer())) {
                LOG.warn("dropped an entry of followers/{} claiming to be {}: not signed by their key", name, claimed);
                return Optional.empty();
            }
            return Optional.of(claimed);
        });
    }
}
