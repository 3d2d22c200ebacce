package murmur.timeline.link;

import java.nio.ByteBuffer;
import murmur.transport.MalformedInputException;

/**
 * Frames to bytes and back: {@code [u8 version][u8 kind][u16 type][u64 id][body]}, big-endian, at most the maximum
 * frame size in all. The length prefix in front is the shared {@link murmur.transport.Framing}'s.
 */
final class FrameCodec {
    static final int VERSION = 1;
    static final int HEADER_BYTES = 12;

    private final int maxFrameBytes;

    FrameCodec(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    int maxBodyBytes() {
        return maxFrameBytes - HEADER_BYTES;
    }

    /** The frame's bytes; throws {@link IllegalArgumentException} if the body is too large. */
    byte[] encode(Frame frame) {
        if (frame.body().length > maxBodyBytes()) {
            throw new IllegalArgumentException("body of " + frame.body().length + " B exceeds " + maxBodyBytes());
        }
        return ByteBuffer.allocate(HEADER_BYTES + frame.body().length)
                .put((byte) VERSION)
                .put((byte) frame.kind().code())
                .putShort((short) frame.type())
                .putLong(frame.id())
                .put(frame.body())
                .array();
    }

    /** One whole frame, exactly as {@link #encode} wrote it. */
    Frame decode(byte[] bytes) throws MalformedInputException {
        if (bytes.length < HEADER_BYTES) {
            throw new MalformedInputException("frame of " + bytes.length + " B is shorter than a header");
        }
        if (bytes.length > maxFrameBytes) {
            throw new MalformedInputException("frame of " + bytes.length + " B exceeds " + maxFrameBytes);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw new MalformedInputException("unsupported frame version " + version);
        }
        int kindCode = Byte.toUnsignedInt(in.get());
        FrameKind kind = FrameKind.ofCode(kindCode)
                .orElseThrow(() -> new MalformedInputException("unknown frame kind " + kindCode));
        int type = Short.toUnsignedInt(in.getShort());
        long id = in.getLong();
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new Frame(kind, type, id, body);
    }
}
