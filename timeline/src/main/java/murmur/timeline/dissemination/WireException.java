package murmur.timeline.dissemination;

/** A message from a peer that cannot be decoded: wrong version, truncated, oversized or out of range. */
final class WireException extends Exception {

    WireException(String message) {
        super(message);
    }
}
