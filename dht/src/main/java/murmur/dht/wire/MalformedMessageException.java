package murmur.dht.wire;

/** Bytes from the network that are not a valid Murmur DHT message. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }
}
