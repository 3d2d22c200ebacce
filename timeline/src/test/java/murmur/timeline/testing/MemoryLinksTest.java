package murmur.timeline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.LinkException.Kind;
import murmur.timeline.link.LinkSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory link answers and fails as the TCP link does ({@link DirectLink}'s contract). */
class MemoryLinksTest {
    private static final int ECHO = 7;
    private final LoopbackAddresses addresses = new LoopbackAddresses();
    private final MemoryLinks links = new MemoryLinks(addresses);
    private final LinkSettings settings = LinkSettings.defaults();

    @AfterEach
    void close() {
        links.close();
    }

    @Test
    void aRequestReachesTheHandlerAtTheFirstAddressThatHasALink() throws Exception {
        DirectLink server = bind();
        DirectLink client = bind();
        server.onRequest(ECHO, (from, body) -> {
            String text = new String(body, StandardCharsets.UTF_8);
            return CompletableFuture.completedFuture((text + " from " + from).getBytes(StandardCharsets.UTF_8));
        });
        InetSocketAddress nobody = new InetSocketAddress(addresses.newHost(), 1);

        byte[] answer = get(client.request(List.of(PeerAddress.direct(nobody), PeerAddress.direct(server.address())),
                ECHO, bytes("hi")));

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("hi from " + client.address());
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void failuresHaveTheKindsOfTheTcpLink() throws Exception {
        DirectLink server = bind();
        DirectLink client = bind();
        server.onRequest(ECHO, (from, body) -> CompletableFuture.failedFuture(new IllegalStateException("no echo")));
        List<PeerAddress> to = List.of(PeerAddress.direct(server.address()));

        assertThat(failure(client.request(to, ECHO, bytes("x")))).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REMOTE_ERROR);
            assertThat(e.getMessage()).isEqualTo("no echo");
        });
        assertThat(failure(client.request(to, 8, bytes("x"))).getMessage()).isEqualTo("unknown message type 8");
        assertThat(failure(client.request(to, ECHO, new byte[settings.maxFrameBytes()])).kind())
                .isEqualTo(Kind.TOO_LARGE);
        get(server.close());
        assertThat(failure(client.request(to, ECHO, bytes("x"))).kind()).as("like a refused connection")
                .isEqualTo(Kind.UNREACHABLE);
        get(client.close());
        assertThat(failure(client.request(to, ECHO, bytes("x"))).kind()).isEqualTo(Kind.SHUT_DOWN);
    }

    @Test
    void aSecondHandlerForATypeIsRefused() throws Exception {
        DirectLink link = bind();
        link.onRequest(ECHO, (from, body) -> CompletableFuture.completedFuture(body));
        assertThatThrownBy(() -> link.onRequest(ECHO, (from, body) -> CompletableFuture.completedFuture(body)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyFreeLoopbackAddressesCanBeBound() throws Exception {
        DirectLink first = bind();
        assertThatThrownBy(() -> get(links.bind(first.address(), settings))).hasCauseInstanceOf(BindException.class);
        InetSocketAddress elsewhere = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 0);
        assertThatThrownBy(() -> get(links.bind(elsewhere, settings))).hasCauseInstanceOf(BindException.class);
    }

    private DirectLink bind() throws Exception {
        return get(links.bind(new InetSocketAddress(addresses.newHost(), 0), settings));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static LinkException failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LinkException l) {
                return l;
            }
            throw new AssertionError("failed with something else", e.getCause());
        } catch (Exception e) {
            throw new AssertionError("did not end in time", e);
        }
        throw new AssertionError("succeeded, but a failure was expected");
    }
}
