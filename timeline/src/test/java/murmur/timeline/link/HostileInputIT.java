package murmur.timeline.link;

import static murmur.timeline.link.PeerLinkIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw sockets sending junk: each loses its connection, and a proper client is served afterwards. */
class HostileInputIT {
    private static final int ECHO = 1;
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final LinkSettings settings = new LinkSettings(1 << 16, Duration.ofSeconds(2), Duration.ofMinutes(1), 3, 8);
    private PeerLink server;
    private PeerLink client;

    @BeforeEach
    void bind() {
        server = PeerLink.bind(ANY, settings).join();
        client = PeerLink.bind(ANY, settings).join();
        server.onRequest(ECHO, (remote, body) -> CompletableFuture.completedFuture(body));
    }

    @AfterEach
    void close() {
        client.close().join();
        server.close().join();
    }

    @Test
    void aFrameOfJunkClosesTheConnection() throws Exception {
        try (Socket raw = connect()) {
            raw.getOutputStream().write(new byte[] {0, 0, 0, 16});
            raw.getOutputStream().write("not a murmur msg".getBytes(StandardCharsets.US_ASCII));

            assertClosedByServer(raw);
        }
        assertThat(server.framesDropped()).isEqualTo(1);
        assertServesProperClients();
    }

    @Test
    void anOversizedLengthPrefixClosesTheConnection() throws Exception {
        try (Socket raw = connect()) {
            raw.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 0});

            assertClosedByServer(raw);
        }
        assertThat(server.framesDropped()).isEqualTo(1);
        assertServesProperClients();
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        try (Socket first = connect(); Socket second = connect(); Socket third = connect()) {
            await().atMost(3, TimeUnit.SECONDS).until(() -> server.inboundConnections() == 3);
            try (Socket fourth = connect()) {
                assertClosedByServer(fourth);
            }
            assertThat(List.of(first, second, third)).noneMatch(Socket::isClosed);
        }
        await().atMost(3, TimeUnit.SECONDS).until(() -> server.inboundConnections() == 0);
        assertServesProperClients();
    }

    @Test
    void aPunchAskedForOverADirectConnectionIsRefusedAndDialsNothing() throws Exception {
        InetAddress observed = InetAddress.getByName("25.91.0.20");
        server.holePunching(() -> Optional.of(observed));
        byte[] endpoint = HolePunch.encode(new InetSocketAddress(InetAddress.getByName("25.91.0.30"), 4000));

        assertThatThrownBy(() -> client.request(server.address(), LinkTypes.PUNCH, endpoint).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("through a relay");
        assertThat(server.punchesAnswered()).isZero();
        assertServesProperClients();
    }

    private Socket connect() throws IOException {
        Socket raw = new Socket(server.address().getAddress(), server.address().getPort());
        raw.setSoTimeout(5_000);
        return raw;
    }

    private static void assertClosedByServer(Socket raw) throws IOException {
        InputStream in = raw.getInputStream();
        assertThat(in.read()).isEqualTo(-1);
    }

    private void assertServesProperClients() throws Exception {
        assertThat(client.request(server.address(), ECHO, text("fine")).get(5, TimeUnit.SECONDS))
                .isEqualTo(text("fine"));
    }
}
