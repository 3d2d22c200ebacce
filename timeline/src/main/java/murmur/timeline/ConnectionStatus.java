package murmur.timeline;

/**
 * The peer's link to the network.
 *
 * @param online   joined the DHT: at least one other node is known
 * @param dhtPeers contacts in the routing table
 */
public record ConnectionStatus(boolean online, int dhtPeers) {

    public static final ConnectionStatus OFFLINE = new ConnectionStatus(false, 0);
}
