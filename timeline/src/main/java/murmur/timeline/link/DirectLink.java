package murmur.timeline.link;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import murmur.transport.Signer;
import murmur.transport.relay.RelayReservation;

/**
 * What a peer and its services use of a peer link: serve requests by message type, send requests to other peers,
 * say where others reach it, close. {@link PeerLink} is the one over TCP; tests run peers on one in memory.
 *
 * <p>Contract for every implementation: an answer or failure that comes later completes on a thread of the link's
 * own, never an I/O thread (a request refused at once, too large or after {@link #close()}, returns a future that
 * has failed already); a failed request fails with a {@link LinkException} whose {@link LinkException.Kind} says
 * what happened (a peer nobody listens for is {@code UNREACHABLE}).
 */
public interface DirectLink {

    /**
     * Answers requests of {@code type} (0 to 65535, see {@link LinkTypes}) with {@code handler}; a second handler
     * for a type is refused with {@link IllegalStateException}.
     */
    void onRequest(int type, RequestHandler handler);

    /**
     * Sends a request of {@code type} to a peer that published the addresses {@code to}, best first, and completes
     * with its answer. This is the shape of {@code session.Direct}, so {@code link::request} is one.
     */
    CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body);

    /**
     * The key this peer proves on connections through relays (the DHT node's). Links that cannot use relays ignore
     * it.
     */
    default void identity(Signer self) {
    }

    /**
     * Reserves at the relay at {@code relay}, so that others reach this peer through it. Links that cannot use
     * relays fail.
     */
    default CompletableFuture<RelayReservation> reserveAt(InetSocketAddress relay) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this link cannot use relays"));
    }

    /**
     * Lets the link replace relayed connections by punched direct ones; {@code ip} is this peer's public address as
     * others observe it. Links that cannot punch ignore it.
     */
    default void holePunching(Supplier<Optional<InetAddress>> ip) {
    }

    /** The address the link listens on: what presence publishes for this peer. */
    InetSocketAddress address();

    /** Stops serving and fails every unanswered request; idempotent. */
    CompletableFuture<Void> close();
}
