package murmur.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesNamesV4AndBracketedV6() {
        assertThat(HostPort.parse("seed.example:4100")).isEqualTo(new HostPort("seed.example", 4100));
        assertThat(HostPort.parse("10.0.0.1:1")).isEqualTo(new HostPort("10.0.0.1", 1));
        assertThat(HostPort.parse("[::1]:4100")).isEqualTo(new HostPort("::1", 4100));
        assertThat(HostPort.parse("[::1]:4100")).hasToString("[::1]:4100");
        assertThat(HostPort.parse("a:9").toSocketAddress().getHostString()).isEqualTo("a");
    }

    @Test
    void rejectsMalformedEndpoints() {
        for (String bad : new String[] {"host", ":1", "a:", "a:x", "a:0", "a:65536", "::1:4100"}) {
            assertThatThrownBy(() -> HostPort.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ipLiteralsBecomeAddressesWithoutDnsAndNamesDoNot() throws Exception {
        assertThat(HostPort.ipLiteral("192.168.1.20"))
                .contains(InetAddress.getByName("192.168.1.20"));
        assertThat(HostPort.ipLiteral("2001:db8::1"))
                .contains(InetAddress.getByName("2001:db8::1"));
        for (String notLiteral : new String[] {"999.1.1.1", "localhost", "router.example", "1.2.3", "::g", ""}) {
            assertThat(HostPort.ipLiteral(notLiteral)).as(notLiteral).isEmpty();
        }
    }
}
