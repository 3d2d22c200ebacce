package murmur.timeline.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import murmur.config.HostPort;

/**
 * One way to reach a peer's link: straight at {@code ip:port}, or through a relay, written
 * {@code via:<relay ip:port>/<the peer's node key in hex>}, which the dialer asks the relay for and then proves
 * end to end (a relay cannot pass itself off as the peer). Text comes from the network, so {@link #parse} accepts
 * IP literals only, never a host name, and returns empty for anything else.
 */
public final class PeerAddress {
    /** The longest text {@link #parse} reads: a relayed IPv6 address with its key. */
    public static final int MAX_TEXT = 160;
    private static final byte[] BROADCAST = {-1, -1, -1, -1};
    private static final String VIA = "via:";
    private static final int KEY_BYTES = 32;

    private final InetSocketAddress address;
    private final byte[] relayedKey;

    private PeerAddress(InetSocketAddress address, byte[] relayedKey) {
        this.address = Objects.requireNonNull(address);
        this.relayedKey = relayedKey;
    }

    /** Straight at {@code address}. */
    public static PeerAddress direct(InetSocketAddress address) {
        return new PeerAddress(address, null);
    }

    /** Through the relay at {@code relay} to the peer whose node key is {@code peerKey}. */
    public static PeerAddress relayed(InetSocketAddress relay, byte[] peerKey) {
        if (peerKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("a node key has 32 bytes");
        }
        return new PeerAddress(relay, peerKey.clone());
    }

    /** {@code ip:port}, {@code [ipv6]:port} or {@code via:<that>/<64 hex>}; empty when malformed. */
    public static Optional<PeerAddress> parse(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String t = text.trim();
        if (!t.startsWith(VIA)) {
            return socket(t).map(PeerAddress::direct);
        }
        int slash = t.lastIndexOf('/');
        if (slash < 0 || t.length() - slash - 1 != 2 * KEY_BYTES) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(t, slash + 1, t.length());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return socket(t.substring(VIA.length(), slash)).map(relay -> new PeerAddress(relay, key));
    }

    private static Optional<InetSocketAddress> socket(String hostPort) {
        try {
            HostPort hp = HostPort.parse(hostPort);
            return HostPort.ipLiteral(hp.host()).map(ip -> new InetSocketAddress(ip, hp.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Where to connect: the peer itself, or the relay. */
    public InetSocketAddress address() {
        return address;
    }

    public boolean isRelayed() {
        return relayedKey != null;
    }

    /**
     * Whether {@code at} is an IP and port a connection could be meant for when someone else named it: not the
     * wildcard, multicast or broadcast, not port 0. The one rule for addresses from the network (pushes, presence,
     * relay lists, punch endpoints); loopback and private addresses pass, for local networks and tests.
     */
    public static boolean dialable(InetSocketAddress at) {
        InetAddress ip = at.getAddress();
        return ip != null && at.getPort() > 0 && !ip.isAnyLocalAddress() && !ip.isMulticastAddress()
                && !Arrays.equals(ip.getAddress(), BROADCAST);
    }

    /** Whether {@code ip} reaches only this machine or its own link (loopback, link-local). */
    public static boolean thisMachineOrLink(InetAddress ip) {
        return ip.isLoopbackAddress() || ip.isLinkLocalAddress();
    }

    /** The peer's node key, for a relayed address. */
    public Optional<byte[]> relayedKey() {
        return Optional.ofNullable(relayedKey).map(byte[]::clone);
    }

    /** The text {@link #parse} reads. */
    @Override
    public String toString() {
        String hostPort = new HostPort(address.getAddress() != null ? address.getAddress().getHostAddress()
                : address.getHostString(), address.getPort()).toString();
        return relayedKey == null ? hostPort : VIA + hostPort + "/" + HexFormat.of().formatHex(relayedKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerAddress p && address.equals(p.address) && Arrays.equals(relayedKey, p.relayedKey);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + Arrays.hashCode(relayedKey);
    }
}
