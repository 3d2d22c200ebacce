package murmur.timeline.link;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message on a link. A response or error carries the id of the request it answers.
 *
 * @param type a message type from 0 to 65535, chosen by the caller
 * @param id   the request's id, unique per sending link (any 64-bit value on the wire)
 * @param body the payload; not copied, so neither side may change it afterwards
 */
record Frame(FrameKind kind, int type, long id, byte[] body) {
    static final int MAX_TYPE = 0xffff;

    Frame {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        if (type < 0 || type > MAX_TYPE) {
            throw new IllegalArgumentException("message type must be from 0 to 65535, got " + type);
        }
    }

    static Frame request(int type, long id, byte[] body) {
        return new Frame(FrameKind.REQUEST, type, id, body);
    }

    Frame response(byte[] answer) {
        return new Frame(FrameKind.RESPONSE, type, id, answer);
    }

    Frame error(String message) {
        return new Frame(FrameKind.ERROR, type, id, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The body of an error frame as text. */
    String errorText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && kind == f.kind && type == f.type && id == f.id && Arrays.equals(body, f.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, type, id, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Frame[" + kind + " type " + type + " id " + id + ", " + body.length + " B]";
    }
}
