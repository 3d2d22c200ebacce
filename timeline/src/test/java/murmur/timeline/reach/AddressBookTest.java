package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.presence.PeerAddresses;
import org.junit.jupiter.api.Test;

class AddressBookTest {
    private static final InetSocketAddress ANY = new InetSocketAddress(41000);

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private final AddressBook book = new AddressBook(ANY, bound -> List.of(ip("192.168.91.10"),
            ip("2001:db8::10")));

    @Test
    void mappedThenObservedThenLanThenIpv6() {
        book.mapped(Optional.of(new InetSocketAddress("25.91.0.1", 52000)));
        book.observed(Optional.of(ip("25.91.0.1")));

        assertThat(book.addresses()).containsExactly("25.91.0.1:52000", "25.91.0.1:41000", "192.168.91.10:41000",
                "[2001:db8:0:0:0:0:0:10]:41000");
    }

    @Test
    void anObservedAddressThatNobodyGotInAtIsLeftOut() {
        book.observed(Optional.of(ip("25.91.0.1")));
        book.observedWorks(false);

        assertThat(book.addresses()).containsExactly("192.168.91.10:41000", "[2001:db8:0:0:0:0:0:10]:41000");
    }

    @Test
    void anObservedAddressOfThisMachineItselfIsListedOnce() {
        book.observed(Optional.of(ip("192.168.91.10")));
        book.observedWorks(false);

        assertThat(book.addresses()).containsExactly("192.168.91.10:41000", "[2001:db8:0:0:0:0:0:10]:41000");
    }

    @Test
    void relaysComeRightAfterTheFirstLanAddress() {
        byte[] key = new byte[32];
        PeerAddress a = PeerAddress.relayed(new InetSocketAddress("25.91.0.1", 4101), key);
        PeerAddress b = PeerAddress.relayed(new InetSocketAddress("25.91.0.2", 4101), key);
        book.observed(Optional.of(ip("25.91.0.20")));
        book.observedWorks(false);
        book.relayed(List.of(a, b));

        assertThat(book.addresses()).containsExactly("192.168.91.10:41000", a.toString(), b.toString(),
                "[2001:db8:0:0:0:0:0:10]:41000");
        book.relayed(List.of());
        assertThat(book.addresses()).containsExactly("192.168.91.10:41000", "[2001:db8:0:0:0:0:0:10]:41000");
    }

    @Test
    void aLoopbackPeerPublishesLoopbackOnly() {
        AddressBook local = new AddressBook(new InetSocketAddress(InetAddress.getLoopbackAddress(), 4000),
                bound -> List.of(ip("192.168.91.10")));

        assertThat(local.addresses()).containsExactly("127.0.0.1:4000");
        assertThat(local.onLoopbackOnly()).isTrue();
    }

    @Test
    void aMachineWithManyAddressesPublishesABoundedList() {
        AddressBook many = new AddressBook(ANY, bound -> IntStream.range(1, 50).mapToObj(i -> ip("10.0.0." + i))
                .toList());

        assertThat(many.addresses()).hasSize(PeerAddresses.MAX_ADDRESSES);
    }

    @Test
    void everyPublishedAddressParsesBack() {
        book.mapped(Optional.of(new InetSocketAddress("25.91.0.1", 52000)));

        assertThat(PeerAddresses.parseAll(book.addresses())).hasSize(book.addresses().size());
    }
}
