package murmur.timeline.reach;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.config.HostPort;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.timeline.link.PeerAddress;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.timeline.presence.PeerAddresses;

/**
 * The multi-writer set {@code relays/nodes}: one entry per user peer that relays for others, signed with its DHT node
 * key and holding the relay's public {@code ip:port} in UTF-8, with a short time-to-live so that a relay that went
 * away drops out. Anyone may write an entry; readers take the set as hints (a relay that does not serve is simply
 * passed over), read at most {@link #READ_AT_MOST} entries and use at most {@link #USE_AT_MOST} of them, drawn at
 * random, never their own.
 */
final class RelayDirectory {
    /** The set's DHT key: SHA-256 of {@code relays/nodes}. */
    static final NodeId KEY = NodeId.ofKey("relays/nodes");
    static final int READ_AT_MOST = 64;
    static final int USE_AT_MOST = 8;
    private static final int MAX_VALUE_BYTES = 64;

    private RelayDirectory() {
    }

    /** The entry a relaying peer writes about itself; {@code seq} must grow from one write to the next. */
    static SetEntry entry(SigningKey nodeKey, InetSocketAddress relay, long seq, Duration ttl, Instant now) {
        byte[] value = PeerAddresses.format(relay).getBytes(StandardCharsets.UTF_8);
        return SetEntry.sign(nodeKey, KEY, value, seq, ttl, now);
    }

    /** Takes the peer's entry out of the set. */
    static SetEntry withdrawal(SigningKey nodeKey, long seq, Duration ttl, Instant now) {
        return SetEntry.tombstone(nodeKey, KEY, seq, ttl, now);
    }

    /**
     * The relay an entry names, if its value is an IP literal and a port that could be dialled ({@link
     * PeerAddress#dialable}), and loopback or link-local only when {@code local} (a network on one computer).
     */
    static Optional<InetSocketAddress> parse(SetEntry entry, boolean local) {
        if (entry.tombstone() || !entry.setKey().equals(KEY) || entry.value().length > MAX_VALUE_BYTES) {
            return Optional.empty();
        }
        try {
            HostPort hp = HostPort.parse(new String(entry.value(), StandardCharsets.UTF_8));
            Optional<InetAddress> ip = HostPort.ipLiteral(hp.host());
            if (ip.isEmpty()) {
                return Optional.empty();
            }
            InetSocketAddress relay = new InetSocketAddress(ip.get(), hp.port());
            return PeerAddress.dialable(relay) && (local || !PeerAddress.thisMachineOrLink(ip.get()))
                    ? Optional.of(relay) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Up to {@link #USE_AT_MOST} relays listed by peers other than this one, in random order, from at most
     * {@link #READ_AT_MOST} entries. A node bound to loopback (a test network on one computer) takes loopback relays.
     */
    static CompletableFuture<List<InetSocketAddress>> read(DhtNode dht, Random random) {
        boolean local = dht.address().getAddress().isLoopbackAddress();
        return dht.entries(KEY, READ_AT_MOST).thenApply(entries -> {
            Set<InetSocketAddress> found = new LinkedHashSet<>();
            for (SetEntry e : entries) {
                if (!e.writerId().equals(dht.id())) {
                    parse(e, local).ifPresent(found::add);
                }
            }
            List<InetSocketAddress> relays = new ArrayList<>(found);
            Collections.shuffle(relays, random);
            return List.copyOf(relays.subList(0, Math.min(USE_AT_MOST, relays.size())));
        });
    }
}
