package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SharedThreadsIT {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void linksOnSharedThreadsServeEachOtherAndAClosedOneIsGoneWhileTheThreadsLiveOn() {
        try (LinkThreads threads = new LinkThreads(1, 2)) {
            PeerLink a = PeerLink.bind(ANY, LinkSettings.defaults(), threads).join();
            PeerLink b = PeerLink.bind(ANY, LinkSettings.defaults(), threads).join();
            PeerLink c = PeerLink.bind(ANY, LinkSettings.defaults(), threads).join();
            b.onRequest(7, (from, body) -> CompletableFuture.completedFuture(body));
            c.onRequest(7, (from, body) -> CompletableFuture.completedFuture(body));
            byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
            assertThat(a.request(b.address(), 7, hello).join()).isEqualTo(hello);
            assertThat(b.inboundConnections()).isEqualTo(1);

            b.close().join();
            assertThat(a.request(b.address(), 7, hello)).failsWithin(Duration.ofSeconds(5));
            assertThat(a.request(c.address(), 7, hello).join()).as("the shared threads still run").isEqualTo(hello);
            a.close().join();
            c.close().join();
        }
    }
}
