package murmur.bootstrap.exchange;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.config.HostPort;
import murmur.dht.node.DhtNode;
import murmur.dht.exchange.BootstrapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bootstrap node's side of peer exchange: every {@code interval} it republishes its entry in
 * {@link BootstrapDirectory} (time-to-live three intervals, so a node that is down drops out) and joins the listed
 * nodes it has not joined yet. Rounds never overlap; a failed round is logged and the next one tries again.
 */
public final class PeerExchange {
    private static final Logger LOG = LoggerFactory.getLogger(PeerExchange.class);

    private final DhtNode node;
    private final HostPort advertised;
    private final Duration interval;
    private final Duration ttl;
    private final Clock clock;
    private final Set<InetSocketAddress> joined = new HashSet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "murmur-peer-exchange");
        t.setDaemon(true);
        return t;
    });

    public PeerExchange(DhtNode node, HostPort advertised, Duration interval, Duration maxTtl, Clock clock) {
        this.node = node;
        this.advertised = advertised;
        this.interval = interval;
        this.ttl = interval.multipliedBy(3).compareTo(maxTtl) > 0 ? maxTtl : interval.multipliedBy(3);
        this.clock = clock;
    }

    /** Starts the rounds, the first one at once; completes immediately. */
    public CompletableFuture<Void> start() {
        timer.schedule(this::round, 0, TimeUnit.MILLISECONDS);
        return CompletableFuture.completedFuture(null);
    }

    /** One round: publish, read, join newcomers. Completes when done; exposed for tests and the first round. */
    public CompletableFuture<List<BootstrapDirectory.Listing>> exchange() {
        return node.putEntry(node.signingKey(),
                BootstrapDirectory.entry(node.signingKey(), advertised, ttl, clock.instant()))
                .handle((result, failure) -> {
                    if (failure != null) {
                        LOG.warn("cannot publish this node in {}: {}", BootstrapDirectory.KEY, failure.toString());
                    }
                    return null;
                })
                .thenCompose(v -> BootstrapDirectory.read(node))
                .thenCompose(this::joinNewcomers);
    }

    private CompletableFuture<List<BootstrapDirectory.Listing>> joinNewcomers(
            List<BootstrapDirectory.Listing> listings) {
        List<InetSocketAddress> fresh;
        synchronized (joined) {
            fresh = listings.stream().filter(l -> !l.nodeId().equals(node.id()))
                    .map(BootstrapDirectory.Listing::address).filter(joined::add).toList();
        }
        if (fresh.isEmpty()) {
            return CompletableFuture.completedFuture(listings);
        }
        LOG.info("joining bootstrap nodes learnt from the directory: {}", fresh);
        return node.bootstrap(fresh).thenApply(v -> listings);
    }

    private void round() {
        try {
            List<BootstrapDirectory.Listing> listed = exchange().get(interval.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("directory lists {} bootstrap nodes", listed.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            LOG.warn("peer exchange round failed: {}", e.toString());
        }
        try {
            timer.schedule(this::round, interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("peer exchange stopped");
        }
    }

    public CompletableFuture<Void> stop() {
        timer.shutdownNow();
        return CompletableFuture.completedFuture(null);
    }
}
