package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attack: one address taking every inbound slot. The peer link has a fixed number of inbound connections (256 by
 * default) shared by everyone; before the per-address share, one machine opening 256 connections locked every other
 * peer out. Now one IP address holds at most an eighth of the slots (failed on the old code: all 64 were taken).
 */
class InboundSlotsAttackTest {
    private final LinkSettings settings =
            new LinkSettings(1 << 16, Duration.ofSeconds(2), Duration.ofMinutes(1), 64, 8);
    private final InboundConnections inbound = new InboundConnections(new RequestHandlers(), Runnable::run, settings,
            new FrameCodec(settings.maxFrameBytes()), new LinkCounters());

    @Test
    void oneAddressGetsItsShareAndOthersStillGetIn() throws Exception {
        List<EmbeddedChannel> attacker = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            EmbeddedChannel ch = from("203.0.113.7", 40000 + i);
            if (inbound.admit(ch)) {
                attacker.add(ch);
            }
        }
        assertThat(attacker).as("connections one address holds").hasSize(inbound.perIpLimit()).hasSize(8);
        assertThat(inbound.refusedPerIp()).isEqualTo(56);
        assertThat(inbound.admit(from("198.51.100.9", 5000))).as("another peer").isTrue();

        attacker.get(0).close();
        assertThat(inbound.admit(from("203.0.113.7", 50000))).as("a slot freed by that address").isTrue();
        assertThat(inbound.open()).as("8 from the attacker, 1 from the other peer").isEqualTo(9);
    }

    @Test
    void thisMachineIsNotLimitedByTheShare() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(inbound.admit(from(InetAddress.getLoopbackAddress().getHostAddress(), 40000 + i))).isTrue();
        }
    }

    private static EmbeddedChannel from(String ip, int port) throws UnknownHostException {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(ip), port);
        return new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return remote;
            }
        };
    }
}
