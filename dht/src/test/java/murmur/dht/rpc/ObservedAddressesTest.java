package murmur.dht.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class ObservedAddressesTest {
    private static final InetSocketAddress PUBLIC = at("203.0.113.7", 41000);
    private final TestClock clock = new TestClock();
    private final ObservedAddresses observed = new ObservedAddresses(clock);

    private static InetSocketAddress at(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }

    @Test
    void oneNodeAloneIsNotBelieved() {
        observed.report(at("25.91.0.11", 4100), PUBLIC);

        assertThat(observed.believed()).isEmpty();
    }

    @Test
    void twoNodesOnDifferentIpsThatAgreeAreBelieved() {
        observed.report(at("25.91.0.11", 4100), PUBLIC);
        observed.report(at("25.91.0.12", 4100), at("203.0.113.7", 52000));

        assertThat(observed.believed()).contains(PUBLIC.getAddress());
    }

    @Test
    void manyNodesOnOneIpCountOnce() {
        for (int port = 4100; port < 4110; port++) {
            observed.report(at("25.91.0.66", port), at("198.51.100.66", 1234));
        }

        assertThat(observed.believed()).isEmpty();
    }

    @Test
    void lyingNodesThatDisagreeNeverDecide() {
        observed.report(at("25.91.0.11", 4100), at("198.51.100.1", 1));
        observed.report(at("25.91.0.12", 4100), at("198.51.100.2", 1));
        observed.report(at("25.91.0.13", 4100), at("198.51.100.3", 1));

        assertThat(observed.believed()).isEmpty();
    }

    @Test
    void aLiarCannotOutvoteTwoHonestNodesNorTieThem() {
        observed.report(at("25.91.0.11", 4100), PUBLIC);
        observed.report(at("25.91.0.12", 4100), PUBLIC);
        observed.report(at("25.91.0.66", 4100), at("198.51.100.66", 1));
        assertThat(observed.believed()).contains(PUBLIC.getAddress());

        observed.report(at("25.91.0.67", 4100), at("198.51.100.66", 1));
        assertThat(observed.believed()).as("a tie believes neither").isEmpty();
    }

    @Test
    void aNodeThatChangesItsStoryKeepsOneVote() {
        observed.report(at("25.91.0.11", 4100), PUBLIC);
        observed.report(at("25.91.0.11", 4100), at("198.51.100.9", 1));
        observed.report(at("25.91.0.12", 4100), PUBLIC);

        assertThat(observed.believed()).isEmpty();
    }

    @Test
    void reportsExpireSoAMovedPeerLearnsItsNewAddress() throws Exception {
        observed.report(at("25.91.0.11", 4100), PUBLIC);
        observed.report(at("25.91.0.12", 4100), PUBLIC);
        clock.advance(ObservedAddresses.REPORT_LIFETIME.plus(Duration.ofSeconds(1)));

        assertThat(observed.believed()).isEmpty();
        observed.report(at("25.91.0.13", 4100), at("198.51.100.20", 1));
        observed.report(at("25.91.0.14", 4100), at("198.51.100.20", 2));
        assertThat(observed.believed()).contains(InetAddress.getByName("198.51.100.20"));
    }

    @Test
    void listenersHearEachChangeOnce() {
        List<Optional<InetAddress>> heard = new ArrayList<>();
        observed.onChange(heard::add);

        observed.report(at("25.91.0.11", 4100), PUBLIC);
        observed.report(at("25.91.0.12", 4100), PUBLIC);
        observed.report(at("25.91.0.13", 4100), PUBLIC);

        assertThat(heard).containsExactly(Optional.of(PUBLIC.getAddress()));
    }

    @Test
    void answersThatSayNothingAreIgnored() {
        observed.report(at("25.91.0.11", 4100), null);
        observed.report(null, PUBLIC);

        assertThat(observed.believed()).isEmpty();
    }

    @Test
    void theReporterTableIsBounded() {
        for (int i = 0; i < ObservedAddresses.MAX_REPORTERS * 3; i++) {
            observed.report(at("25.91." + (i / 250) + "." + (i % 250 + 1), 4100), at("198.51.100." + (i % 200), 1));
        }
        observed.report(at("25.92.0.1", 4100), PUBLIC);
        observed.report(at("25.92.0.2", 4100), PUBLIC);

        assertThat(observed.believed()).contains(PUBLIC.getAddress());
    }
}
