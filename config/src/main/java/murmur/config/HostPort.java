package murmur.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A {@code host:port} endpoint as written in settings; IPv6 hosts go in brackets ({@code [::1]:4100}).
 *
 * @param host name or address, without brackets
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("expected host:port with a port from 1 to 65535");
        }
    }

    /** Parses {@code host:port} or {@code [v6-address]:port}; throws {@link IllegalArgumentException} if bad. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("put an IPv6 address in brackets, like [::1]:4100, got '" + text + "'");
        }
        try {
            return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a numeric port in '" + text + "'", e);
        }
    }

    /**
     * Whether {@code host} is an IPv4 or IPv6 literal, judged by its characters alone: turning it into an address
     * then needs no DNS lookup. Zone ids ({@code fe80::1%eth0}) are not accepted.
     */
    public static boolean isIpLiteral(String host) {
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = host.contains(":") && host.matches("[0-9a-fA-F:.]+");
        return v4 || v6;
    }

    /**
     * The address an IP literal names, without any DNS lookup (a dotted quad with an octet over 255 is no literal and
     * would otherwise be looked up as a name); empty for anything else.
     */
    public static Optional<InetAddress> ipLiteral(String host) {
        if (!isIpLiteral(host)) {
            return Optional.empty();
        }
        try {
            if (!host.contains(":")) {
                String[] parts = host.split("\\.");
                byte[] ip = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    ip[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(ip));
            }
            // With a colon, InetAddress accepts an IPv6 literal or fails; it never asks DNS.
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An unresolved socket address; resolution happens when the address is used. */
    public InetSocketAddress toSocketAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
