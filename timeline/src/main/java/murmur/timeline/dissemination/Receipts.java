package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import murmur.timeline.dissemination.ReceiptMessage.Held;
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
    private final Map<Pending, Map<String, Held>> pending = new HashMap<>();

    Receipts(Direct direct, ScheduledExecutorService scheduler, Duration linger) {
        this.direct = direct;
        this.scheduler = scheduler;
        this.linger = linger;
    }

    /**
     * Adds {@code holders} to what goes up to {@code parent} soon; a name already waiting keeps its first signature,
     * and at most {@link PushCodec#MAX_SUBTREE} wait (the author checks the signatures, not this hop); they go
     * up in messages of at most {@link ReceiptCodec#MAX_HOLDERS}.
     */
    void add(List<PeerAddress> parent, String author, String device, long seq, Collection<Held> holders) {
        Pending key = new Pending(parent, author, device, seq);
        synchronized (this) {
            Map<String, Held> names = pending.get(key);
            if (names == null) {
                names = new LinkedHashMap<>();
                pending.put(key, names);
                scheduler.schedule(() -> flush(key), linger.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (Held h : holders) {
                if (names.size() < PushCodec.MAX_SUBTREE) {
                    names.putIfAbsent(h.name(), h);
                }
            }
        }
    }

    private void flush(Pending key) {
        Map<String, Held> names;
        synchronized (this) {
            names = pending.remove(key);
        }
        if (names == null || names.isEmpty()) {
            return;
        }
        List<Held> all = new ArrayList<>(names.values());
        for (int from = 0; from < all.size(); from += ReceiptCodec.MAX_HOLDERS) {
            List<Held> batch = all.subList(from, Math.min(all.size(), from + ReceiptCodec.MAX_HOLDERS));
            byte[] body = ReceiptCodec.encode(new ReceiptMessage(key.author(), key.device(), key.seq(), batch));
            direct.request(key.parent(), LinkTypes.RECEIPT, body).exceptionally(e -> {
                LOG.debug("receipt for {}#{} not sent to {}: {}", key.author(), key.seq(), key.parent(),
                        e.getMessage());
                return null;
            });
        }
    }

    private record Pending(List<PeerAddress> parent, String author, String device, long seq) {}
}
