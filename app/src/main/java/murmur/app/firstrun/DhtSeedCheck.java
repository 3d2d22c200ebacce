package murmur.app.firstrun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import murmur.config.DhtSettings;
import murmur.config.HostPort;
import murmur.dht.node.DhtNode;

/**
 * Asks a bootstrap node whether it is there the way a peer will: a DHT node of its own, in client mode (so the node
 * asked does not keep it in its routing table) on a fresh port, sends a {@code PING} and has the node prove its key
 * ({@link DhtNode#ping}), then closes. A host name is looked up first: it is what the user typed.
 */
public final class DhtSeedCheck implements SeedCheck {
    private static final Executor LOOKUPS = task -> Thread.ofVirtual().name("murmur-seed-lookup").start(task);

    private final DhtSettings settings;
    private final InetAddress bindHost;

    /**
     * @param settings the DHT's settings; its {@code requestTimeout} should be no shorter than the checks' timeout
     * @param bindHost the address to ask from (the wildcard for every interface)
     */
    public DhtSeedCheck(DhtSettings settings, InetAddress bindHost) {
        this.settings = settings;
        this.bindHost = bindHost;
    }

    @Override
    public CompletableFuture<Answer> check(HostPort seed, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> resolve(seed.host()), LOOKUPS).thenCompose(address -> address
                .map(a -> ping(new InetSocketAddress(a, seed.port()), timeout))
                .orElse(CompletableFuture.completedFuture(Answer.UNKNOWN_HOST)));
    }

    private static Optional<InetAddress> resolve(String host) {
        Optional<InetAddress> literal = HostPort.ipLiteral(host);
        if (literal.isPresent() || HostPort.isIpLiteral(host)) {
            return literal;
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private CompletableFuture<Answer> ping(InetSocketAddress target, Duration timeout) {
        DhtNode node = DhtNode.builder().settings(settings).bindAddress(new InetSocketAddress(bindHost, 0))
                .clientMode(true).build();
        return node.start()
                .thenCompose(v -> node.ping(target).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .handle((id, failure) -> failure == null ? Answer.ANSWERED : Answer.NO_ANSWER))
                .whenComplete((answer, failure) -> node.stop());
    }
}
