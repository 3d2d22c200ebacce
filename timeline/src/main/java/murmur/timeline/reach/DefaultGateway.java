package murmur.timeline.reach;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 default gateway (the home router, on most networks) and this machine's address towards it, read from
 * the kernel's routing table ({@code /proc/net/route} on Linux). No command runs and no packet is sent: a UDP
 * socket's {@code connect} only asks the kernel which source address it would use.
 */
final class DefaultGateway {
    static final Path PROC_ROUTE = Path.of("/proc/net/route");
    private static final int NAT_PMP_PORT = 5351;

    private DefaultGateway() {}

    /** The router and this machine's address on its network, when the machine has an IPv4 default route. */
    record Route(InetAddress gateway, InetAddress local) {}

    static Optional<Route> find() {
        try {
            return parse(Files.readAllLines(PROC_ROUTE)).flatMap(DefaultGateway::withLocal);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The gateway of the first default route ({@code Destination 00000000}, flag RTF_GATEWAY) in the table. */
    static Optional<InetAddress> parse(List<String> procNetRoute) {
        for (String line : procNetRoute.subList(Math.min(1, procNetRoute.size()), procNetRoute.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[1].equals("00000000")) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                long hex = Long.parseLong(f[2], 16);
                if ((flags & 0x2) == 0 || hex == 0) {
                    continue;
                }
                // The kernel prints the address in host (little-endian) byte order.
                byte[] ip = {(byte) hex, (byte) (hex >>> 8), (byte) (hex >>> 16), (byte) (hex >>> 24)};
                return Optional.of(InetAddress.getByAddress(ip));
            } catch (NumberFormatException | UnknownHostException e) {
                // A line we cannot read is not a route we can use.
            }
        }
        return Optional.empty();
    }

    private static Optional<Route> withLocal(InetAddress gateway) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(gateway, NAT_PMP_PORT));
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? Optional.empty()
                    : Optional.of(new Route(gateway, local));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
