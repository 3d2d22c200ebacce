package murmur.transport.relay;

import java.time.Duration;

/**
 * What one relay gives: the operator's caps.
 *
 * @param maxReservations        peers it relays for at once
 * @param maxCircuitsPerPeer     open circuits to one relayed peer
 * @param maxCircuits            open circuits in all
 * @param bytesPerSecondPerPeer  relayed bytes per second for one peer, both ways and all its circuits together;
 *                               beyond it the relay stops reading from that peer's circuits for a while (slowed)
 * @param maxBytesPerPeer        relayed bytes for one reservation in all; beyond it its circuits are cut
 * @param maxConnectionsPerIp    connections from one IP address at once
 * @param maxConnections         connections in all
 * @param circuitsPerSecondPerIp circuit requests one IP address may make per second (burst: twice as many)
 * @param acceptTimeout          how long a dialer waits for the relayed peer to take its circuit
 * @param idleTimeout            a connection with nothing read or written for this long is closed
 * @param maxFrameBytes          the largest frame relayed
 */
public record RelayLimits(int maxReservations, int maxCircuitsPerPeer, int maxCircuits, long bytesPerSecondPerPeer,
        long maxBytesPerPeer, int maxConnectionsPerIp, int maxConnections, double circuitsPerSecondPerIp,
        Duration acceptTimeout, Duration idleTimeout, int maxFrameBytes) {

    /** A frame as large as the peer link's largest (1 MiB) after sealing, with room to spare. */
    public static final int DEFAULT_MAX_FRAME_BYTES = (1 << 20) + 256;

    public RelayLimits {
        if (maxReservations < 0 || maxCircuitsPerPeer < 0 || maxCircuits < 0 || bytesPerSecondPerPeer < 1
                || maxBytesPerPeer < 0 || maxConnectionsPerIp < 1 || maxConnections < 1
                || circuitsPerSecondPerIp <= 0 || maxFrameBytes < 64) {
            throw new IllegalArgumentException("relay limits out of range");
        }
    }

    /** Defaults for a bootstrap node: room for a few hundred peers behind routers. */
    public static RelayLimits defaults() {
        return new RelayLimits(512, 32, 4096, 256 << 10, 1L << 30, 64, 8192, 10, Duration.ofSeconds(10),
                Duration.ofSeconds(90), DEFAULT_MAX_FRAME_BYTES);
    }

    /** These limits with a different cap on relayed bytes: rate per peer and total per reservation. */
    public RelayLimits withPeerBytes(long bytesPerSecond, long maxBytes) {
        return new RelayLimits(maxReservations, maxCircuitsPerPeer, maxCircuits, bytesPerSecond, maxBytes,
                maxConnectionsPerIp, maxConnections, circuitsPerSecondPerIp, acceptTimeout, idleTimeout,
                maxFrameBytes);
    }

    /** These limits with room for a different number of relayed peers. */
    public RelayLimits withMaxReservations(int peers) {
        return new RelayLimits(peers, maxCircuitsPerPeer, maxCircuits, bytesPerSecondPerPeer, maxBytesPerPeer,
                maxConnectionsPerIp, maxConnections, circuitsPerSecondPerIp, acceptTimeout, idleTimeout,
                maxFrameBytes);
    }

    /** These limits with a different rate of circuit requests per IP address. */
    public RelayLimits withCircuitRate(double perSecond) {
        return new RelayLimits(maxReservations, maxCircuitsPerPeer, maxCircuits, bytesPerSecondPerPeer,
                maxBytesPerPeer, maxConnectionsPerIp, maxConnections, perSecond, acceptTimeout, idleTimeout,
                maxFrameBytes);
    }
}
