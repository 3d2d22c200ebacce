package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import murmur.transport.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {
    private static final int MAX = 64;
    private final FrameCodec codec = new FrameCodec(MAX);

    @ParameterizedTest
    @EnumSource(FrameKind.class)
    void roundTripsEveryKind(FrameKind kind) throws Exception {
        Frame frame = new Frame(kind, 513, 0x0102_0304_0506_0708L, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(codec.decode(codec.encode(frame))).isEqualTo(frame);
    }

    @Test
    void roundTripsTheExtremes() throws Exception {
        Frame empty = Frame.request(0, 0, new byte[0]);
        Frame full = new Frame(FrameKind.ERROR, 0xffff, -1L, new byte[MAX - FrameCodec.HEADER_BYTES]);

        assertThat(codec.decode(codec.encode(empty))).isEqualTo(empty);
        assertThat(codec.decode(codec.encode(full))).isEqualTo(full);
    }

    @Test
    void writesTheDocumentedLayout() {
        byte[] bytes = codec.encode(new Frame(FrameKind.RESPONSE, 0x0a0b, 7, new byte[] {42}));

        assertThat(bytes).containsExactly(1, 1, 0x0a, 0x0b, 0, 0, 0, 0, 0, 0, 0, 7, 42);
    }

    @Test
    void refusesToEncodeABodyAboveTheLimit() {
        Frame tooBig = Frame.request(1, 1, new byte[MAX - FrameCodec.HEADER_BYTES + 1]);

        assertThatThrownBy(() -> codec.encode(tooBig)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void framesHaveAnUnsigned16BitType() {
        assertThatThrownBy(() -> Frame.request(-1, 1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.request(0x10000, 1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 8, 11})
    void refusesBytesShorterThanAHeader(int length) {
        byte[] valid = codec.encode(Frame.request(1, 1, new byte[0]));

        assertMalformed(Arrays.copyOf(valid, length), "shorter than a header");
    }

    @Test
    void refusesBytesAboveTheLimit() {
        byte[] bytes = Arrays.copyOf(codec.encode(Frame.request(1, 1, new byte[0])), MAX + 1);

        assertMalformed(bytes, "frame of 65 B exceeds 64");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 255})
    void refusesAnotherVersion(int version) {
        byte[] bytes = codec.encode(Frame.request(1, 1, new byte[0]));
        bytes[0] = (byte) version;

        assertMalformed(bytes, "unsupported frame version " + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 128, 255})
    void refusesAnUnknownKind(int kind) {
        byte[] bytes = codec.encode(Frame.request(1, 1, new byte[0]));
        bytes[1] = (byte) kind;

        assertMalformed(bytes, "unknown frame kind " + kind);
    }

    private void assertMalformed(byte[] bytes, String reason) {
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(reason);
    }
}
