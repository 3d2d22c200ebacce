package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import murmur.transport.MalformedInputException;
import murmur.transport.WireWriter;
import org.junit.jupiter.api.Test;

/** The endpoints a {@code PUNCH} may name: hostile bodies are refused before any connection is tried. */
class HolePunchTest {

    @Test
    void anInternetEndpointRoundTrips() throws Exception {
        InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName("25.91.0.20"), 40043);

        assertThat(HolePunch.decodeEndpoint(HolePunch.encode(endpoint))).isEqualTo(endpoint);
    }

    @Test
    void endpointsOnThisMachineOrNowhereAreRefused() {
        for (String refused : new String[] {"127.0.0.1:4100", "[::1]:4100", "0.0.0.0:4100", "169.254.1.1:4100",
                "224.0.0.1:4100", "25.91.0.20:0", "via:25.91.0.1:4101/" + "ab".repeat(32), "not an endpoint"}) {
            assertThatThrownBy(() -> HolePunch.decodeEndpoint(body(refused))).as(refused)
                    .isInstanceOf(MalformedInputException.class);
        }
    }

    @Test
    void oversizedOrTrailingBytesAreRefused() {
        assertThatThrownBy(() -> HolePunch.decodeEndpoint(body("25.91.0.20:4" + "0".repeat(70))))
                .isInstanceOf(MalformedInputException.class);
        byte[] trailing = new WireWriter().text("25.91.0.20:4000").u8(0).toBytes();
        assertThatThrownBy(() -> HolePunch.decodeEndpoint(trailing)).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> HolePunch.decodeEndpoint("junk".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void onlyInternetAddressesArePunchedFromOrTo() throws UnknownHostException {
        assertThat(HolePunch.isPublic(InetAddress.getByName("25.91.0.20"))).isTrue();
        assertThat(HolePunch.isPublic(InetAddress.getByName("100.64.0.1"))).as("carrier-grade NAT").isTrue();
        assertThat(HolePunch.isPublic(InetAddress.getLoopbackAddress())).isFalse();
        assertThat(HolePunch.isPublic(InetAddress.getByName("fe80::1"))).isFalse();
    }

    private static byte[] body(String text) {
        return new WireWriter().text(text).toBytes();
    }
}
