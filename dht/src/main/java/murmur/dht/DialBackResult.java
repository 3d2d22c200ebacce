package murmur.dht;

/**
 * What another node found when it dialled this one back from a socket this node never contacted.
 *
 * @param udpReached its UDP ping to the DHT port was answered
 * @param tcpReached its TCP connect to the given TCP port (the peer link) succeeded
 */
public record DialBackResult(boolean udpReached, boolean tcpReached) {}
