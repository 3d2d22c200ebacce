package murmur.timeline.reach;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This machine's addresses that other machines could reach: every address of every interface that is up, except
 * loopback, link-local and multicast ones; IPv4 first, then IPv6 (global before unique-local). Asked afresh on each
 * call, so a changed network (another Wi-Fi, a VPN) shows.
 */
final class LocalAddresses {
    private LocalAddresses() {}

    /** The addresses a socket bound to {@code bound} receives on: all of them for a wildcard, else just that one. */
    static List<InetAddress> reachableVia(InetAddress bound) {
        if (!bound.isAnyLocalAddress()) {
            return bound.isLoopbackAddress() ? List.of() : List.of(bound);
        }
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        List<InetAddress> ula = new ArrayList<>();
        boolean ipv6 = !Boolean.getBoolean("java.net.preferIPv4Stack");
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                            || a.isAnyLocalAddress()) {
                        continue;
                    }
                    if (a instanceof Inet4Address) {
                        v4.add(a);
                    } else if (ipv6 && a instanceof Inet6Address six) {
                        (isUniqueLocal(six) ? ula : v6).add(withoutScope(six));
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        List<InetAddress> all = new ArrayList<>(v4);
        all.addAll(v6);
        all.addAll(ula);
        return all;
    }

    /** fc00::/7, the IPv6 counterpart of 192.168/16: reachable on the site, not from the internet. */
    static boolean isUniqueLocal(Inet6Address a) {
        return (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** A global address needs no scope id; dropping it keeps the published text an IP literal. */
    private static InetAddress withoutScope(Inet6Address a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (java.net.UnknownHostException e) {
            return a;
        }
    }
}
