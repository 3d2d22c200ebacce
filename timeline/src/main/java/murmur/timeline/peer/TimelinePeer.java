package murmur.timeline.peer;

import murmur.timeline.Accounts;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
import murmur.timeline.Fanout;
import murmur.timeline.Reachability;
import murmur.timeline.TimelineService;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.config.MurmurSettings;
import murmur.timeline.observe.Live;

/**
 * The root service of a user's peer: a DHT node, the local database, the direct-message server and the corrected
 * clock, all kept in one data directory. {@link #start()} joins the network; then users {@link #register} or
 * {@link #login}; {@link #stop()} logs out whoever is logged in and closes everything.
 */
public final class TimelinePeer implements Accounts {
    private final PeerParts parts;

    TimelinePeer(PeerParts parts) {
        this.parts = parts;
    }

    public static TimelinePeerBuilder builder() {
        return new TimelinePeerBuilder();
    }

    /**
     * Locks the data directory, opens the database, binds the sockets, joins through the seeds and starts the clock.
     * While another peer (in this process or another) runs on the same data directory, the future has already failed
     * when this returns, with {@code DATA_DIR_IN_USE} and a message naming that process; {@link #stop()} releases
     * the directory.
     */
    public CompletableFuture<Void> start() {
        return parts.start();
    }

    /** Logs out the current user, if any, then closes sockets and the database. */
    public CompletableFuture<Void> stop() {
        return parts.stop();
    }

    @Override
    public CompletableFuture<TimelineService> register(String name, String password) {
        return parts.accounts().register(name, password);
    }

    @Override
    public CompletableFuture<TimelineService> login(String name, String password) {
        return parts.accounts().login(name, password);
    }

    @Override
    public CompletableFuture<TimelineService> restore(String name, List<String> phrase, String newPassword) {
        return parts.accounts().restore(name, phrase, newPassword);
    }

    @Override
    public Live<ConnectionStatus> connection() {
        return parts.connection();
    }

    @Override
    public Live<Reachability> reachability() {
        return parts.reachability();
    }

    @Override
    public Live<Fanout> fanout() {
        return parts.fanout();
    }

    @Override
    public Live<ClockStatus> clockStatus() {
        return parts.clockStatus();
    }

    @Override
    public Clock clock() {
        return parts.clock();
    }

    /** The DHT node's UDP/TCP address. */
    public InetSocketAddress dhtAddress() {
        return parts.dht().address();
    }

    /** The address the peer link listens on, for direct messages and posts. */
    public InetSocketAddress peerAddress() {
        return parts.peerAddress();
    }

    /** Every address other peers may reach this one at, best first, as its presence publishes them. */
    public List<String> publishedAddresses() {
        return parts.addresses();
    }

    /** The builder's inputs. */
    record Config(MurmurSettings settings, Path dataDir, List<InetSocketAddress> seeds, String host,
            Clock clock, PeerTransports transports) {}
}
