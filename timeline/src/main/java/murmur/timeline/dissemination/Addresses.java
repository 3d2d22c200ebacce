package murmur.timeline.dissemination;

import java.net.InetSocketAddress;
import java.util.Optional;
import murmur.config.HostPort;

/** {@code host:port} strings from peers, turned into socket addresses; a bad one is empty, never an exception. */
final class Addresses {

    private Addresses() {}

    static Optional<InetSocketAddress> parse(String hostPort) {
        try {
            HostPort hp = HostPort.parse(hostPort);
            return Optional.of(new InetSocketAddress(hp.host(), hp.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String format(InetSocketAddress address) {
        return new HostPort(address.getHostString(), address.getPort()).toString();
    }
}
