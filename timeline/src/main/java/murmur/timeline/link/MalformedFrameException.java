package murmur.timeline.link;

/** Bytes that are not a valid frame; the connection they came on is closed. */
final class MalformedFrameException extends Exception {

    MalformedFrameException(String message) {
        super(message);
    }
}
