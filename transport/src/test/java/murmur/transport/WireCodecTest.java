package murmur.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    @Test
    void everyPrimitiveSurvivesARoundTrip() throws MalformedInputException {
        InetSocketAddress v4 = new InetSocketAddress("203.0.113.7", 41000);
        InetSocketAddress v6 = new InetSocketAddress("2001:db8::7", 4100);
        byte[] bytes = new WireWriter().u8(255).u16(65535).i32(-7).i64(Long.MIN_VALUE).count(3).raw(new byte[] {1, 2})
                .blob(new byte[] {9}).text("héllo ✓").text("plain ascii").text("")
                .address(v4).address(v6).optionalAddress(null).u8(1).toBytes();

        WireReader r = new WireReader(bytes);

        assertThat(r.u8()).isEqualTo(255);
        assertThat(r.u16()).isEqualTo(65535);
        assertThat(r.i32()).isEqualTo(-7);
        assertThat(r.i64()).isEqualTo(Long.MIN_VALUE);
        assertThat(r.count(3, "things")).isEqualTo(3);
        assertThat(r.raw(2, "raw")).containsExactly(1, 2);
        assertThat(r.blob(1, "blob")).containsExactly(9);
        assertThat(r.text(64, "text")).isEqualTo("héllo ✓");
        assertThat(r.text(64, "text")).isEqualTo("plain ascii");
        assertThat(r.text(0, "text")).isEmpty();
        assertThat(r.address()).isEqualTo(v4);
        assertThat(r.address()).isEqualTo(v6);
        assertThat(r.optionalAddress()).isNull();
        assertThat(r.bool("flag")).isTrue();
        r.end();
    }

    @Test
    void lengthsAndCountsBeyondTheCallersLimitAreRefusedBeforeAnythingIsAllocated() {
        byte[] hugeBlob = new WireWriter().i32(Integer.MAX_VALUE).toBytes();
        assertThatThrownBy(() -> new WireReader(hugeBlob).blob(1024, "value"))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("exceeds the limit of 1024");
        byte[] negative = new WireWriter().i32(-1).toBytes();
        assertThatThrownBy(() -> new WireReader(negative).blob(1024, "value")).isInstanceOf(
                MalformedInputException.class);
        byte[] many = new WireWriter().count(65535).toBytes();
        assertThatThrownBy(() -> new WireReader(many).count(64, "contacts"))
                .hasMessageContaining("65535 contacts exceed the limit of 64");
        assertThatThrownBy(() -> new WireWriter().count(70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncatedTrailingAndMalformedInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> new WireReader(new byte[3]).i32()).hasMessageContaining("truncated");
        assertThatThrownBy(() -> new WireReader(new byte[2]).end()).hasMessageContaining("2 trailing bytes");
        byte[] badUtf8 = new WireWriter().blob(new byte[] {(byte) 0xc3, (byte) 0x28}).toBytes();
        assertThatThrownBy(() -> new WireReader(badUtf8).text(16, "name")).hasMessageContaining("name is not UTF-8");
        byte[] overlong = new WireWriter().blob(new byte[] {'a', (byte) 0xc0, (byte) 0xaf}).toBytes();
        assertThatThrownBy(() -> new WireReader(overlong).text(16, "name")).hasMessageContaining("not UTF-8");
        byte[] loneContinuation = new WireWriter().blob(new byte[] {'a', 'b', (byte) 0x80}).toBytes();
        assertThatThrownBy(() -> new WireReader(loneContinuation).text(16, "name")).hasMessageContaining("not UTF-8");
        byte[] shortText = new WireWriter().i32(5).raw(new byte[] {'a', 'b'}).toBytes();
        assertThatThrownBy(() -> new WireReader(shortText).text(16, "name")).hasMessageContaining("truncated");
        assertThatThrownBy(() -> new WireReader(new byte[] {2}).bool("more")).hasMessageContaining("boolean byte 2");
        assertThatThrownBy(() -> new WireReader(new byte[] {5, 1, 2, 3, 4, 5, 0, 1}).address())
                .hasMessageContaining("neither IPv4 nor IPv6");
        assertThatThrownBy(() -> new WireReader(new byte[] {4, 1, 2, 3, 4, 0, 0}).address())
                .hasMessageContaining("port 0");
        assertThatThrownBy(() -> new WireReader(new byte[] {3}).expectVersion(2))
                .hasMessageContaining("unsupported protocol version 3");
    }
}
