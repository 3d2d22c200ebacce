package murmur.transport;

/**
 * Bytes from the network that cannot be decoded: truncated, oversized, out of range, not UTF-8, of an unknown type
 * or version, or with bytes left over. The message says which, for logs and counters; the input is dropped.
 */
public final class MalformedInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedInputException(String message) {
        super(message);
    }
}
