package murmur.timeline.reach;

import java.time.Duration;
import murmur.config.TimelineSettings;
import murmur.transport.relay.RelayLimits;

/**
 * What the owner lets this peer give others as a relay ({@code timeline.relay*}): far less than a bootstrap node.
 *
 * @param port        the relay's TCP port; 0 for the peer port + 1, or any free port when that one is taken
 * @param limits      the relay's caps
 * @param bytesPerDay relayed bytes in all per 24 hours before the relay stops until the day is over
 */
record RelayOffer(int port, RelayLimits limits, long bytesPerDay) {
    /** Circuits one relayed peer may hold open: a few followers pushing and catching up at once. */
    static final int CIRCUITS_PER_PEER = 8;
    static final int CONNECTIONS_PER_IP = 16;
    static final double CIRCUITS_PER_SECOND_PER_IP = 5;

    /** The offer the settings make. */
    static RelayOffer from(TimelineSettings t) {
        int peers = t.relayMaxPeers();
        // Each relayed peer holds one reservation connection, and each circuit two connections.
        int circuits = peers * CIRCUITS_PER_PEER;
        RelayLimits limits = new RelayLimits(peers, CIRCUITS_PER_PEER, circuits, t.relayBytesPerSecond(),
                t.relayMaxBytesPerDay() / 4, CONNECTIONS_PER_IP, peers + 2 * circuits, CIRCUITS_PER_SECOND_PER_IP,
                Duration.ofSeconds(10), Duration.ofSeconds(90), RelayLimits.DEFAULT_MAX_FRAME_BYTES);
        return new RelayOffer(t.relayPort(), limits, t.relayMaxBytesPerDay());
    }
}
