package murmur.timeline.presence;

import java.net.InetSocketAddress;
import java.util.Optional;
import murmur.config.HostPort;

/**
 * The {@code host:port} strings peers publish in presence records and messages, to and from socket addresses. They
 * come from the network, so a bad one is empty, never an exception.
 */
public final class PeerAddresses {

    private PeerAddresses() {}

    public static Optional<InetSocketAddress> parse(String hostPort) {
        try {
            HostPort hp = HostPort.parse(hostPort);
            return Optional.of(new InetSocketAddress(hp.host(), hp.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String format(InetSocketAddress address) {
        return new HostPort(address.getHostString(), address.getPort()).toString();
    }
}
