package murmur.timeline.session;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.config.HostPort;
import murmur.dht.SetEntry;
import murmur.dht.wire.RecordBytes;
import murmur.timeline.follow.FollowNotifier;
import murmur.timeline.presence.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers follow notices straight to an online target, trying each of its addresses up to {@code attempts} times
 * with doubling pauses; an offline target reads the same entry from {@code notifications/<name>} at login.
 */
final class DirectNotifier implements FollowNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DirectNotifier.class);
    private static final long FIRST_PAUSE_MILLIS = 200;

    private final PresenceService presence;
    private final Direct direct;
    private final ScheduledExecutorService scheduler;
    private final int attempts;

    DirectNotifier(PresenceService presence, Direct direct, ScheduledExecutorService scheduler, int attempts) {
        this.presence = presence;
        this.direct = direct;
        this.scheduler = scheduler;
        this.attempts = attempts;
    }

    @Override
    public void tell(String target, SetEntry notice) {
        byte[] body = RecordBytes.encode(notice);
        presence.presenceOf(target).thenAccept(p -> {
            if (!presence.isOnline(p) || p.addresses().isEmpty()) {
                return;
            }
            InetSocketAddress to = toAddress(p.addresses().get(0));
            send(to, body, 1).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.info("{} did not take the follow notice after {} tries: {}", target, attempts, e.getMessage());
                }
            });
        }).exceptionally(e -> null);
    }

    private CompletableFuture<byte[]> send(InetSocketAddress to, byte[] body, int attempt) {
        return direct.request(to, MessageTypes.FOLLOW_NOTICE, body).handle((answer, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(answer);
            }
            if (attempt >= attempts) {
                return CompletableFuture.<byte[]>failedFuture(failure);
            }
            CompletableFuture<byte[]> next = new CompletableFuture<>();
            long pause = FIRST_PAUSE_MILLIS << (attempt - 1);
            scheduler.schedule(() -> send(to, body, attempt + 1).whenComplete((a, e) -> {
                if (e != null) {
                    next.completeExceptionally(e);
                } else {
                    next.complete(a);
                }
            }), pause, TimeUnit.MILLISECONDS);
            return next;
        }).thenCompose(f -> f);
    }

    static InetSocketAddress toAddress(String hostPort) {
        HostPort hp = HostPort.parse(hostPort);
        return new InetSocketAddress(hp.host(), hp.port());
    }
}
