package murmur.timeline.presence;

import murmur.timeline.link.PeerAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PeerAddressesTest {

    @Test
    void ipLiteralsOfBothFamiliesParse() {
        assertThat(PeerAddresses.parse("203.0.113.7:41000")).contains(direct("203.0.113.7", 41000));
        assertThat(PeerAddresses.parse("[2001:db8::7]:41000")).contains(direct("2001:db8::7", 41000));
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

        assertThat(PeerAddresses.parseAll(joined)).containsExactly(direct("203.0.113.7", 41000),
                direct("192.168.1.20", 41000), direct("2001:db8::7", 41000));

        String many = String.join(",", IntStream.range(1, 40).mapToObj(i -> "10.0.0." + i + ":1").toList());
        assertThat(PeerAddresses.parseAll(many)).hasSize(PeerAddresses.MAX_ADDRESSES);
        assertThat(PeerAddresses.parseAll("10.0.0.1:1,".repeat(100_000))).isEmpty();
    }

    @Test
    void formattedAddressesParseBack() {
        List<InetSocketAddress> all = List.of(new InetSocketAddress("10.1.2.3", 4000),
                new InetSocketAddress("2001:db8::1", 4001));
        String joined = PeerAddresses.join(all.stream().map(PeerAddresses::format).toList());

        assertThat(PeerAddresses.parseAll(joined)).isEqualTo(all.stream().map(PeerAddress::direct).toList());
    }

    @Test
    void aRelayedAddressNamesTheRelayAndThePeersKeyAndRoundTrips() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xab;
        key[31] = 7;
        PeerAddress v4 = PeerAddress.relayed(new InetSocketAddress("25.91.0.1", 4101), key);
        PeerAddress v6 = PeerAddress.relayed(new InetSocketAddress("2001:db8::1", 4101), key);

        assertThat(v4.toString()).isEqualTo("via:25.91.0.1:4101/ab" + "00".repeat(30) + "07");
        assertThat(PeerAddresses.parse(v4.toString())).contains(v4);
        assertThat(PeerAddresses.parse(v6.toString())).contains(v6);
        assertThat(v4.isRelayed()).isTrue();
        assertThat(v4.relayedKey()).hasValue(key);
        assertThat(PeerAddresses.parseAll(List.of("203.0.113.7:41000", v6.toString())))
                .containsExactly(direct("203.0.113.7", 41000), v6);
    }

    @Test
    void aMalformedRelayedAddressIsEmpty() {
        String key = "ab".repeat(32);
        for (String bad : new String[] {"via:", "via:25.91.0.1:4101", "via:25.91.0.1:4101/" + key.substring(2),
                "via:25.91.0.1:4101/" + "zz".repeat(32), "via:relay.example:4101/" + key,
                "via:25.91.0.1:0/" + key, "via:25.91.0.1:4101/" + key + "00"}) {
            assertThat(PeerAddresses.parse(bad)).as(bad).isEmpty();
        }
    }

    private static PeerAddress direct(String ip, int port) {
        return PeerAddress.direct(new InetSocketAddress(ip, port));
    }
}
