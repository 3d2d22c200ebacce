package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultGatewayTest {
    private static final String HEADER =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";

    @Test
    void theDefaultRoutesGatewayIsReadInHostByteOrder() throws Exception {
        List<String> table = List.of(HEADER,
                "eth0\t005BA8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
                "eth0\t00000000\t015BA8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0");

        assertThat(DefaultGateway.parse(table)).contains(InetAddress.getByName("192.168.91.1"));
    }

    @Test
    void noDefaultRouteOrGarbageMeansNoGateway() {
        assertThat(DefaultGateway.parse(List.of(HEADER))).isEmpty();
        assertThat(DefaultGateway.parse(List.of())).isEmpty();
        assertThat(DefaultGateway.parse(List.of(HEADER, "eth0\t00000000\tZZZZ\t0003", "junk", "eth0 00000000")))
                .isEmpty();
        assertThat(DefaultGateway.parse(List.of(HEADER, "eth0\t00000000\t015BA8C0\t0001\t0\t0\t0\t0\t0\t0\t0")))
                .as("a default route without a gateway (point-to-point)").isEmpty();
    }
}
