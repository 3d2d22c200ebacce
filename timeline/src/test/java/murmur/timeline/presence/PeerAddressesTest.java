package murmur.timeline.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PeerAddressesTest {

    @Test
    void ipLiteralsOfBothFamiliesParse() {
        assertThat(PeerAddresses.parse("203.0.113.7:41000")).contains(new InetSocketAddress("203.0.113.7", 41000));
        assertThat(PeerAddresses.parse("[2001:db8::7]:41000")).contains(new InetSocketAddress("2001:db8::7", 41000));
    }

    @Test
    void aHostNameFromTheNetworkIsNeverLookedUp() {
        assertThat(PeerAddresses.parse("localhost:41000")).isEmpty();
        assertThat(PeerAddresses.parse("attacker.example:41000")).isEmpty();
        assertThat(PeerAddresses.parse("[fe80::1%eth0]:41000")).isEmpty();
    }

    @Test
    void garbageIsEmptyNeverAnException() {
        String huge = "x".repeat(10_000);
        for (String bad : new String[] {"", ":", "1.2.3.4", "1.2.3.4:0", "1.2.3.4:70000", "[::1:41000", "999.1.1.1:1",
                huge, "1.2.3.4:-1", null}) {
            assertThat(PeerAddresses.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aListKeepsItsOrderDropsBadAndRepeatedEntriesAndIsBounded() {
        String joined = "203.0.113.7:41000,bad,192.168.1.20:41000,203.0.113.7:41000,[2001:db8::7]:41000";

        assertThat(PeerAddresses.parseAll(joined)).containsExactly(new InetSocketAddress("203.0.113.7", 41000),
                new InetSocketAddress("192.168.1.20", 41000), new InetSocketAddress("2001:db8::7", 41000));

        String many = String.join(",", IntStream.range(1, 40).mapToObj(i -> "10.0.0." + i + ":1").toList());
        assertThat(PeerAddresses.parseAll(many)).hasSize(PeerAddresses.MAX_ADDRESSES);
        assertThat(PeerAddresses.parseAll("10.0.0.1:1,".repeat(100_000))).isEmpty();
    }

    @Test
    void formattedAddressesParseBack() {
        List<InetSocketAddress> all = List.of(new InetSocketAddress("10.1.2.3", 4000),
                new InetSocketAddress("2001:db8::1", 4001));
        String joined = PeerAddresses.join(all.stream().map(PeerAddresses::format).toList());

        assertThat(PeerAddresses.parseAll(joined)).isEqualTo(all);
    }
}
