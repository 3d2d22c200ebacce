package murmur.config;

import java.net.InetSocketAddress;

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

    /** An unresolved socket address; resolution happens when the address is used. */
    public InetSocketAddress toSocketAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
