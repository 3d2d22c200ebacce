package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.session.Direct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts waiting to go one hop up: names for the same post and parent are gathered for a short while and sent
 * as one message. Best effort: a receipt that cannot be sent only leaves a delivery count short.
 */
final class Receipts {
    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);

    private final Direct direct;
    private final ScheduledExecutorService scheduler;
    private final Duration linger;
    private final Map<Pending, Set<String>> pending = new HashMap<>();

    Receipts(Direct direct, ScheduledExecutorService scheduler, Duration linger) {
        this.direct = direct;
        this.scheduler = scheduler;
        this.linger = linger;
    }

    void add(List<PeerAddress> parent, String author, long seq, Collection<String> holders) {
        Pending key = new Pending(parent, author, seq);
        synchronized (this) {
            Set<String> names = pending.get(key);
            if (names == null) {
                names = new LinkedHashSet<>();
                pending.put(key, names);
                scheduler.schedule(() -> flush(key), linger.toMillis(), TimeUnit.MILLISECONDS);
            }
            names.addAll(holders);
        }
    }

    private void flush(Pending key) {
        Set<String> names;
        synchronized (this) {
            names = pending.remove(key);
        }
        if (names == null || names.isEmpty()) {
            return;
        }
        byte[] body = ReceiptCodec.encode(new ReceiptMessage(key.author(), key.seq(), new ArrayList<>(names)));
        direct.request(key.parent(), LinkTypes.RECEIPT, body).exceptionally(e -> {
            LOG.debug("receipt for {}#{} not sent to {}: {}", key.author(), key.seq(), key.parent(), e.getMessage());
            return null;
        });
    }

    private record Pending(List<PeerAddress> parent, String author, long seq) {}
}
