package murmur.timeline.session;

import murmur.timeline.link.PeerAddress;
import java.util.List;
import murmur.dht.SetEntry;
import murmur.dht.wire.RecordBytes;
import murmur.timeline.follow.FollowNotifier;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.Retry;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.presence.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers follow notices straight to an online target, with retries and growing pauses; an offline target reads
 * the same signed entry from {@code notifications/<name>} at login.
 */
final class DirectNotifier implements FollowNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DirectNotifier.class);

    private final PresenceService presence;
    private final Direct direct;
    private final Retry retry;

    DirectNotifier(PresenceService presence, Direct direct, Retry retry) {
        this.presence = presence;
        this.direct = direct;
        this.retry = retry;
    }

    @Override
    public void tell(String target, SetEntry notice) {
        byte[] body = RecordBytes.encode(notice);
        presence.presenceOf(target).thenAccept(p -> {
            List<PeerAddress> to = PeerAddresses.parseAll(p.addresses());
            if (!presence.isOnline(p) || to.isEmpty()) {
                LOG.info("{} is not online ({}); the notice waits in notifications/{}", target, p, target);
                return;
            }
            retry.run(() -> direct.request(to, LinkTypes.FOLLOW_NOTICE, body)).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.info("{} did not take the follow notice at {}: {}", target, to, e.getMessage());
                }
            });
        }).exceptionally(e -> {
            LOG.info("presence of {} not read, so no direct notice: {}", target, e.getMessage());
            return null;
        });
    }
}
