package murmur.timeline.reach;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A port the router forwards to this machine.
 *
 * @param method       how it was opened: {@code "UPnP"}, {@code "NAT-PMP"} or {@code "PCP"}
 * @param protocol     TCP or UDP
 * @param internalPort the port on this machine
 * @param external     the router's public address and the port it forwards
 * @param lifetime     how long the router keeps it; renew well before
 */
public record PortMapping(String method, Protocol protocol, int internalPort, InetSocketAddress external,
        Duration lifetime) {

    /** The transport protocol of a mapping. */
    public enum Protocol { TCP, UDP }
}
