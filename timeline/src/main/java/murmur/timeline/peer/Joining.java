package murmur.timeline.peer;

import murmur.timeline.ConnectionStatus;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.dht.node.DhtNode;
import murmur.dht.exchange.BootstrapDirectory;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's place in the network: joins through the seeds, then through every bootstrap node listed in
 * {@code bootstrap/nodes} (so one known seed is enough), publishes how many DHT peers are known, and, while it knows
 * none (it started without a network, or lost every contact), tries the seeds again until they answer.
 */
final class Joining {
    private static final Logger LOG = LoggerFactory.getLogger(Joining.class);
    private static final long REJOIN_SECONDS = 5;

    private final DhtNode dht;
    private final List<InetSocketAddress> seeds;
    private final LiveValue<ConnectionStatus> connection = new LiveValue<>(ConnectionStatus.OFFLINE);

    Joining(DhtNode dht, List<InetSocketAddress> seeds) {
        this.dht = dht;
        this.seeds = List.copyOf(seeds);
    }

    Live<ConnectionStatus> connection() {
        return connection;
    }

    /**
     * Joins through the seeds once; completes even when none answers (the peer then works alone until one does).
     * The other bootstrap nodes are looked up afterwards, in the background: start-up does not wait for them.
     */
    CompletableFuture<Void> join() {
        return dht.bootstrap(seeds).exceptionally(e -> {
            LOG.warn("could not join through {}: {}", seeds, e.getMessage());
            return null;
        }).thenRun(this::learnBootstrapNodes);
    }

    /** Keeps the connection status current and rejoins while alone. */
    void watch(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::updateConnection, 0, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::rejoinIfAlone, REJOIN_SECONDS, REJOIN_SECONDS, TimeUnit.SECONDS);
    }

    private void learnBootstrapNodes() {
        if (dht.routingTableSize() > 0) {
            BootstrapDirectory.learn(dht).whenComplete((listed, e) -> {
                if (e != null) {
                    LOG.info("bootstrap/nodes not read: {}", e.getMessage());
                } else {
                    LOG.info("{} bootstrap nodes listed in the network", listed.size());
                }
            });
        }
    }

    private void rejoinIfAlone() {
        if (dht.routingTableSize() == 0 && !seeds.isEmpty()) {
            join();
        }
    }

    private void updateConnection() {
        int peers = dht.routingTableSize();
        connection.set(new ConnectionStatus(peers > 0, peers));
    }
}
