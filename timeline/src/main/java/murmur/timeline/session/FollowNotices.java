package murmur.timeline.session;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import murmur.dht.SetEntry;
import murmur.dht.wire.RecordBytes;
import murmur.timeline.link.RequestHandler;
import murmur.transport.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@link murmur.timeline.link.LinkTypes#FOLLOW_NOTICE} requests for whoever is logged in here. A malformed,
 * forged or misdirected notice is logged and refused; the sender learns only that it was refused.
 */
public final class FollowNotices implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FollowNotices.class);

    private final Supplier<UserSession> current;

    public FollowNotices(Supplier<UserSession> current) {
        this.current = current;
    }

    @Override
    public CompletableFuture<byte[]> handle(InetSocketAddress from, byte[] body) {
        UserSession s = current.get();
        if (s == null || !s.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no one is logged in here"));
        }
        SetEntry entry;
        try {
            entry = RecordBytes.decodeEntry(body);
        } catch (MalformedInputException e) {
            LOG.warn("malformed follow notice from {}: {}", from, e.getMessage());
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed notice"));
        }
        return s.receiveNotice(entry).thenApply(ok -> {
            if (!ok) {
                LOG.warn("dropped a follow notice from {} that is not genuine or not for {}", from, s.user());
                throw new IllegalArgumentException("not a genuine notice for " + s.user());
            }
            return new byte[0];
        });
    }
}
