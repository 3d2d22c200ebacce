package murmur.timeline.link;

import java.nio.ByteBuffer;
import murmur.transport.MalformedInputException;

/**
 * Frames to bytes and back: {@code [u32 length][u8 version][u8 kind][u16 type][u64 id][body]}, big-endian, where
 * the length counts every byte after itself and may not exceed the maximum frame size.
 */
final class FrameCodec {
    static final int VERSION = 1;
    static final int LENGTH_BYTES = 4;
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

    /** The frame with its length prefix; throws {@link IllegalArgumentException} if the body is too large. */
    byte[] encode(Frame frame) {
        if (frame.body().length > maxBodyBytes()) {
            throw new IllegalArgumentException("body of " + frame.body().length + " B exceeds " + maxBodyBytes());
        }
        int length = HEADER_BYTES + frame.body().length;
        return ByteBuffer.allocate(LENGTH_BYTES + length)
                .putInt(length)
                .put((byte) VERSION)
                .put((byte) frame.kind().code())
                .putShort((short) frame.type())
                .putLong(frame.id())
                .put(frame.body())
                .array();
    }

    /** One whole frame, length prefix included, exactly as {@link #encode} wrote it. */
    Frame decode(byte[] bytes) throws MalformedInputException {
        if (bytes.length < LENGTH_BYTES + HEADER_BYTES) {
            throw new MalformedInputException("frame of " + bytes.length + " B is shorter than a header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long length = Integer.toUnsignedLong(in.getInt());
        if (length > maxFrameBytes) {
            throw new MalformedInputException("frame length " + length + " exceeds " + maxFrameBytes);
        }
        if (length != bytes.length - LENGTH_BYTES) {
            throw new MalformedInputException("frame length " + length + " but " + in.remaining() + " B follow");
        }
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
