package murmur.dht;

/** A write the network refused: stale, forged, oversized, expired and so on; {@link #status()} says which. */
public final class DhtWriteException extends RuntimeException {
    private final WriteStatus status;

    public DhtWriteException(WriteStatus status) {
        super("write refused: " + status.meaning());
        this.status = status;
    }

    public WriteStatus status() {
        return status;
    }
}
