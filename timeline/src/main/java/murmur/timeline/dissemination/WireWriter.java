package murmur.timeline.dissemination;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds a message body: big-endian numbers, strings and byte arrays with a length prefix. */
final class WireWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    WireWriter u8(int value) {
        return write(() -> out.writeByte(value));
    }

    WireWriter u32(int value) {
        return write(() -> out.writeInt(value));
    }

    WireWriter i64(long value) {
        return write(() -> out.writeLong(value));
    }

    WireWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    WireWriter bytes(byte[] value) {
        return write(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    private WireWriter write(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }
}
