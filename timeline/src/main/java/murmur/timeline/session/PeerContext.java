package murmur.timeline.session;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import murmur.config.MurmurSettings;
import murmur.dht.node.DhtNode;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.post.PostStore;
import murmur.timeline.store.Database;

/**
 * What a peer gives each user session: its services, shared across logins.
 *
 * @param settings  all settings
 * @param dht       the DHT node
 * @param db        the local database
 * @param posts     the post store
 * @param users     account records and pinned keys
 * @param direct    direct requests to other peers
 * @param scheduler periodic work
 * @param clock     the NTP-corrected clock
 * @param addresses how other peers reach this one, as {@code host:port}
 * @param dissemination sends posts to followers and fetches missed ones
 */
public record PeerContext(MurmurSettings settings, DhtNode dht, Database db, PostStore posts, UserDirectory users,
        Direct direct, ScheduledExecutorService scheduler, Clock clock, Supplier<List<String>> addresses,
        Dissemination dissemination) {}
