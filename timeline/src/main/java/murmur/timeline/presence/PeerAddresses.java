package murmur.timeline.presence;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import murmur.timeline.link.PeerAddress;
import murmur.config.HostPort;

/**
 * The address strings peers publish in presence records and messages ({@link PeerAddress}: {@code ip:port}, or
 * {@code via:<relay ip:port>/<node key>} through a relay), to and from addresses the link dials. They come from the
 * network, so a bad one is empty, never an exception, and only IP literals count: no host name from the network is
 * ever looked up. A peer reachable several ways publishes several, best first, joined by commas
 * ({@code 203.0.113.7:41000,192.168.1.20:41000,[2001:db8::7]:41000}); at most {@link #MAX_ADDRESSES} count.
 */
public final class PeerAddresses {
    /** The most addresses one peer may publish; the rest are ignored. */
    public static final int MAX_ADDRESSES = 8;
    private static final int MAX_TEXT = PeerAddress.MAX_TEXT;

    private PeerAddresses() {}

    /** One address as {@link PeerAddress#parse} reads it; empty when malformed or not an IP literal. */
    public static Optional<PeerAddress> parse(String text) {
        return PeerAddress.parse(text);
    }

    /** Every good address in a comma-joined list, in order, without repeats, at most {@link #MAX_ADDRESSES}. */
    public static List<PeerAddress> parseAll(String joined) {
        Set<PeerAddress> out = new LinkedHashSet<>();
        if (joined == null || joined.length() > MAX_ADDRESSES * (MAX_TEXT + 1) * 2) {
            return List.of();
        }
        for (String part : joined.split(",", MAX_ADDRESSES * 2)) {
            parse(part).ifPresent(out::add);
            if (out.size() == MAX_ADDRESSES) {
                break;
            }
        }
        return List.copyOf(out);
    }

    /**
     * The addresses of a comma-joined list this peer may connect to when the list came from someone else's message:
     * {@link #parseAll}'s, less the wildcard, multicast and broadcast addresses and port 0 (directly, or as the
     * relay of a relayed address). Loopback and private addresses stay: the local network and tests use them.
     */
    public static List<PeerAddress> parseDialable(String joined) {
        return parseAll(joined).stream().filter(PeerAddresses::dialable).toList();
    }

    /** Whether {@code address} is an IP and port a connection could be meant for (see {@link #parseDialable}). */
    public static boolean dialable(PeerAddress address) {
        return PeerAddress.dialable(address.address());
    }

    /** The good addresses of a presence record's list, as {@link #parseAll} reads them. */
    public static List<PeerAddress> parseAll(List<String> addresses) {
        return parseAll(join(addresses));
    }

    public static String format(InetSocketAddress address) {
        return new HostPort(address.getAddress() != null ? address.getAddress().getHostAddress()
                : address.getHostString(), address.getPort()).toString();
    }

    /** The addresses as one comma-joined string, at most {@link #MAX_ADDRESSES}. */
    public static String join(List<String> addresses) {
        List<String> kept = new ArrayList<>();
        for (String a : addresses) {
            if (kept.size() == MAX_ADDRESSES) {
                break;
            }
            kept.add(a.trim());
        }
        return String.join(",", kept);
    }
}
