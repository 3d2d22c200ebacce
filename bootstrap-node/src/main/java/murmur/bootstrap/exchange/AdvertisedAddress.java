package murmur.bootstrap.exchange;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import murmur.config.BootstrapSettings;
import murmur.config.HostPort;

/**
 * The address a node publishes: {@code bootstrap.advertiseHost} if set; else the bind host unless it is a wildcard;
 * else this machine's first non-loopback IPv4 address; else loopback.
 */
public final class AdvertisedAddress {
    private AdvertisedAddress() {
    }

    public static HostPort of(BootstrapSettings settings, int port) {
        if (!settings.advertiseHost().isBlank()) {
            return new HostPort(settings.advertiseHost(), port);
        }
        String host = settings.host();
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            return new HostPort(host, port);
        }
        return new HostPort(firstNonLoopback().orElse("127.0.0.1"), port);
    }

    private static Optional<String> firstNonLoopback() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.getAddress().length == 4 && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
