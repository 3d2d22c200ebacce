package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two links on loopback asking each other things. */
class PeerLinkIT {
    private static final int ECHO = 1;
    private static final int FAILING = 2;
    private static final int SILENT = 3;
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final LinkSettings settings = LinkSettings.defaults().withRequestTimeout(Duration.ofMillis(500));
    private final List<PeerLink> links = new ArrayList<>();
    private PeerLink server;
    private PeerLink client;

    @BeforeEach
    void bind() throws Exception {
        server = link(settings);
        client = link(settings);
        server.onRequest(ECHO, (remote, body) -> CompletableFuture.completedFuture(concat("echo ", body)));
        server.onRequest(FAILING, (remote, body) ->
                CompletableFuture.failedFuture(new IllegalArgumentException("no post 17 here")));
        server.onRequest(SILENT, (remote, body) -> new CompletableFuture<>());
    }

    @AfterEach
    void close() {
        links.forEach(l -> l.close().join());
    }

    @Test
    void answersARequest() throws Exception {
        byte[] answer = client.request(server.address(), ECHO, text("hi")).get(5, TimeUnit.SECONDS);

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("echo hi");
        assertThat(server.requestsServed()).isEqualTo(1);
    }

    @Test
    void multiplexesConcurrentRequestsOverOnePooledConnection() {
        List<CompletableFuture<byte[]>> answers = IntStream.range(0, 500)
                .mapToObj(i -> client.request(server.address(), ECHO, text("n" + i))).toList();

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo(text("echo n" + i));
        }
        assertThat(server.inboundConnections()).isEqualTo(1);
        assertThat(server.requestsServed()).isEqualTo(500);
    }

    @Test
    void aFailingHandlerReachesTheCallerAsItsMessage() {
        LinkException failure = failureOf(client.request(server.address(), FAILING, new byte[0]));

        assertThat(failure.kind()).isEqualTo(LinkException.Kind.REMOTE_ERROR);
        assertThat(failure).hasMessage("no post 17 here");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void anUnknownTypeIsAnError() {
        LinkException failure = failureOf(client.request(server.address(), 4242, new byte[0]));

        assertThat(failure.kind()).isEqualTo(LinkException.Kind.REMOTE_ERROR);
        assertThat(failure).hasMessage("unknown message type 4242");
    }

    @Test
    void aRequestNobodyAnswersTimesOutAndTheConnectionStaysUsable() throws Exception {
        LinkException failure = failureOf(client.request(server.address(), SILENT, new byte[0]));

        assertThat(failure.kind()).isEqualTo(LinkException.Kind.TIMEOUT);
        assertThat(client.request(server.address(), ECHO, text("still")).get(5, TimeUnit.SECONDS))
                .isEqualTo(text("echo still"));
    }

    @Test
    void aPeerThatIsDownFailsPromptly() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        PeerLink patient = link(LinkSettings.defaults().withRequestTimeout(Duration.ofSeconds(30)));

        CompletableFuture<byte[]> answer = patient.request(nobody, ECHO, new byte[0]);

        await().atMost(3, TimeUnit.SECONDS).until(answer::isDone);
        assertThat(failureOf(answer).kind()).isEqualTo(LinkException.Kind.UNREACHABLE);
    }

    @Test
    void aPeerThatGoesAwayMidRequestFailsPromptlyAndALaterRequestReconnects() throws Exception {
        PeerLink patient = link(LinkSettings.defaults().withRequestTimeout(Duration.ofSeconds(30)));
        PeerLink other = link(settings);
        other.onRequest(SILENT, (remote, body) -> new CompletableFuture<>());
        CompletableFuture<byte[]> answer = patient.request(other.address(), SILENT, new byte[0]);
        await().atMost(3, TimeUnit.SECONDS).until(() -> other.inboundConnections() == 1);

        other.close().get(5, TimeUnit.SECONDS);

        await().atMost(3, TimeUnit.SECONDS).until(answer::isDone);
        assertThat(failureOf(answer).kind()).isEqualTo(LinkException.Kind.CLOSED);
        assertThat(failureOf(patient.request(other.address(), ECHO, new byte[0])).kind())
                .isEqualTo(LinkException.Kind.UNREACHABLE);
    }

    @Test
    void aPooledConnectionThatClosedIsReplaced() throws Exception {
        client.request(server.address(), ECHO, text("one")).get(5, TimeUnit.SECONDS);
        InetSocketAddress address = server.address();
        server.close().get(5, TimeUnit.SECONDS);
        PeerLink restarted = link(address, settings);
        restarted.onRequest(ECHO, (remote, body) -> CompletableFuture.completedFuture(text("fresh")));

        await().atMost(3, TimeUnit.SECONDS).ignoreExceptions().untilAsserted(() ->
                assertThat(client.request(address, ECHO, new byte[0]).get(1, TimeUnit.SECONDS))
                        .isEqualTo(text("fresh")));
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        PeerLink brief = link(new LinkSettings(1 << 16, Duration.ofSeconds(1), Duration.ofMillis(200), 8, 8));
        brief.request(server.address(), ECHO, text("x")).get(5, TimeUnit.SECONDS);
        assertThat(server.inboundConnections()).isEqualTo(1);

        await().atMost(3, TimeUnit.SECONDS).until(() -> server.inboundConnections() == 0);
    }

    @Test
    void aBodyLargerThanAFrameFailsWithoutSending() {
        PeerLink small = link(new LinkSettings(1024, Duration.ofSeconds(1), Duration.ofMinutes(1), 8, 8));

        LinkException failure = failureOf(small.request(server.address(), ECHO, new byte[1024]));

        assertThat(failure.kind()).isEqualTo(LinkException.Kind.TOO_LARGE);
        assertThat(server.inboundConnections()).isZero();
    }

    @Test
    void closingFailsUnansweredRequests() {
        PeerLink patient = link(LinkSettings.defaults().withRequestTimeout(Duration.ofSeconds(30)));
        CompletableFuture<byte[]> answer = patient.request(server.address(), SILENT, new byte[0]);

        patient.close().join();

        assertThat(failureOf(answer).kind()).isIn(LinkException.Kind.SHUT_DOWN, LinkException.Kind.CLOSED);
        assertThat(failureOf(patient.request(server.address(), ECHO, new byte[0])).kind())
                .isEqualTo(LinkException.Kind.SHUT_DOWN);
    }

    private PeerLink link(LinkSettings linkSettings) {
        return link(ANY, linkSettings);
    }

    private PeerLink link(InetSocketAddress address, LinkSettings linkSettings) {
        PeerLink link = PeerLink.bind(address, linkSettings).orTimeout(5, TimeUnit.SECONDS).join();
        links.add(link);
        return link;
    }

    static LinkException failureOf(CompletableFuture<byte[]> answer) {
        Throwable failure = answer.handle((body, error) -> error).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(failure).isInstanceOf(LinkException.class);
        return (LinkException) failure;
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String prefix, byte[] body) {
        return text(prefix + new String(body, StandardCharsets.UTF_8));
    }
}
