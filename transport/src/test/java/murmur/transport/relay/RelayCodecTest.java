package murmur.transport.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import murmur.transport.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RelayCodecTest {
    static List<RelayMessage> every() {
        return List.of(new RelayMessage.Challenge(new byte[32]), new RelayMessage.Reserve(new byte[32], new byte[64]),
                new RelayMessage.Reserved(32, 1000, 1L << 40), new RelayMessage.Refused("no, thanks"),
                new RelayMessage.Incoming(-7), new RelayMessage.Connect(new byte[32]), new RelayMessage.Accept(99),
                new RelayMessage.Connected(), new RelayMessage.Ping(), new RelayMessage.Pong());
    }

    @ParameterizedTest
    @MethodSource("every")
    void roundTrips(RelayMessage m) throws Exception {
        assertThat(RelayCodec.decode(RelayCodec.encode(m))).usingRecursiveComparison().isEqualTo(m);
    }

    @ParameterizedTest
    @MethodSource("every")
    void refusesEveryTruncationAndTrailingBytes(RelayMessage m) {
        byte[] bytes = RelayCodec.encode(m);
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> RelayCodec.decode(cut)).isInstanceOf(MalformedInputException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> RelayCodec.decode(longer)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void refusesAnotherVersionAndUnknownTypes() {
        assertThatThrownBy(() -> RelayCodec.decode(new byte[] {2, 8})).hasMessageContaining("version 2");
        assertThatThrownBy(() -> RelayCodec.decode(new byte[] {1, 0})).hasMessageContaining("type 0");
        assertThatThrownBy(() -> RelayCodec.decode(new byte[] {1, 11})).hasMessageContaining("type 11");
    }

    @Test
    void refusesNegativeLimitsAndCapsReasons() throws Exception {
        byte[] bytes = RelayCodec.encode(new RelayMessage.Reserved(1, 1, 1));
        Arrays.fill(bytes, 4, 12, (byte) 0xff);
        assertThatThrownBy(() -> RelayCodec.decode(bytes)).hasMessageContaining("negative");
        RelayMessage.Refused longWords = (RelayMessage.Refused) RelayCodec.decode(
                RelayCodec.encode(new RelayMessage.Refused("é".repeat(500))));
        assertThat(longWords.reason()).hasSize(100);
    }
}
