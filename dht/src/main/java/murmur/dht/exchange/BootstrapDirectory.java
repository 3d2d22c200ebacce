package murmur.dht.exchange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.config.HostPort;
import murmur.dht.node.DhtNode;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;

/**
 * The multi-writer set {@code bootstrap/nodes}: one entry per bootstrap node, signed with the node's own key (so the
 * entry's writer id is the node id) and holding its {@code address:port} in UTF-8; the address is an IP literal, so
 * reading the set never waits for DNS. Entries expire unless republished, so
 * the set lists the nodes that are up. Anyone may add an entry; readers treat the list as hints to contact, never as
 * trusted, and a node that does not answer with the writer's id is simply not used.
 */
public final class BootstrapDirectory {
    /** The set's DHT key: SHA-256 of {@code bootstrap/nodes}. */
    public static final NodeId KEY = NodeId.ofKey("bootstrap/nodes");
    private static final int MAX_ADDRESS_CHARS = 300;

    private BootstrapDirectory() {
    }

    /** A bootstrap node as listed: its id and where it listens. */
    public record Listing(NodeId nodeId, InetSocketAddress address) {
    }

    /** The entry a node writes about itself; the sequence number is the issue time, so a restart still supersedes. */
    public static SetEntry entry(SigningKey nodeKey, HostPort advertised, Duration ttl, Instant now) {
        byte[] value = advertised.toString().getBytes(StandardCharsets.UTF_8);
        return SetEntry.sign(nodeKey, KEY, value, now.toEpochMilli(), ttl, now);
    }

    /**
     * The listing an entry stands for, if its value is a well-formed {@code address:port} with an IP literal; anything
     * else (a host name, {@code 1.2.3.4.5}, an octet over 255) is left out without a DNS lookup.
     */
    public static Optional<Listing> parse(SetEntry entry) {
        if (entry.tombstone() || entry.value().length > MAX_ADDRESS_CHARS) {
            return Optional.empty();
        }
        try {
            HostPort hp = HostPort.parse(new String(entry.value(), StandardCharsets.UTF_8));
            Optional<InetAddress> ip = HostPort.ipLiteral(hp.host());
            return ip.map(a -> new Listing(entry.writerId(), new InetSocketAddress(a, hp.port())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads the set through {@code node}; entries that do not parse are left out. */
    public static CompletableFuture<List<Listing>> read(DhtNode node) {
        return node.entries(KEY).thenApply(entries -> {
            List<Listing> listings = new ArrayList<>();
            for (SetEntry e : entries) {
                parse(e).ifPresent(listings::add);
            }
            return listings;
        });
    }

    /**
     * What a joining peer does after {@link DhtNode#bootstrap} through the one seed it knows: reads the directory and
     * joins through every other listed node too. Completes with the listings found.
     */
    public static CompletableFuture<List<Listing>> learn(DhtNode node) {
        return read(node).thenCompose(listings -> {
            List<InetSocketAddress> others = listings.stream().filter(l -> !l.nodeId().equals(node.id()))
                    .map(Listing::address).toList();
            return others.isEmpty() ? CompletableFuture.completedFuture(listings)
                    : node.bootstrap(others).thenApply(v -> listings);
        });
    }
}
