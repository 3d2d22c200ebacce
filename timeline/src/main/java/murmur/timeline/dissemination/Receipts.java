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
import murmur.timeline.Post;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.session.Direct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts waiting to go one hop up: names for the same post and parent are gathered for a short while and sent
 * as one message, with this peer's own receipt signed as it leaves. Best effort: a receipt that cannot be sent only
 * leaves a delivery count short.
 */
final class Receipts {
    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);

    private final Direct direct;
    private final ScheduledExecutorService scheduler;
    private final Duration linger;
    private final Map<Pending, Batch> pending = new HashMap<>();

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
        synchronized (this) {
            Map<String, Held> names = batch(new Pending(parent, author, device, seq)).names;
            for (Held h : holders) {
                if (names.size() < PushCodec.MAX_SUBTREE) {
                    names.putIfAbsent(h.name(), h);
                }
            }
        }
    }

    /**
     * Adds this peer's own receipt for {@code post}, held by {@code me}, to what goes up to {@code parent} soon. It
     * is signed as it leaves, not now: the signature is work the post's way down the tree never waits for, and on a
     * busy peer it waits until the pushes have gone.
     */
    void addOwn(List<PeerAddress> parent, Post post, Holder me) {
        synchronized (this) {
            batch(new Pending(parent, post.author(), post.device(), post.seq())).own(post, me);
        }
    }

    /** The batch waiting under {@code key}, made (and its flush scheduled) if there is none. */
    private Batch batch(Pending key) {
        Batch batch = pending.get(key);
        if (batch == null) {
            batch = new Batch();
            pending.put(key, batch);
            scheduler.schedule(() -> flush(key), linger.toMillis(), TimeUnit.MILLISECONDS);
        }
        return batch;
    }

    private void flush(Pending key) {
        Batch batch;
        synchronized (this) {
            batch = pending.remove(key);
        }
        if (batch == null) {
            return;
        }
        List<Held> all = batch.signed();
        for (int from = 0; from < all.size(); from += ReceiptCodec.MAX_HOLDERS) {
            List<Held> part = all.subList(from, Math.min(all.size(), from + ReceiptCodec.MAX_HOLDERS));
            byte[] body = ReceiptCodec.encode(new ReceiptMessage(key.author(), key.device(), key.seq(), part));
            direct.request(key.parent(), LinkTypes.RECEIPT, body).exceptionally(e -> {
                LOG.debug("receipt for {}#{} not sent to {}: {}", key.author(), key.seq(), key.parent(),
                        e.getMessage());
                return null;
            });
        }
    }

    private record Pending(List<PeerAddress> parent, String author, String device, long seq) {}

    /** Holders waiting to go up together, and this peer itself, to be signed as the batch leaves. */
    private static final class Batch {
        private final Map<String, Held> names = new LinkedHashMap<>();
        private Post post;
        private Holder own;

        void own(Post held, Holder me) {
            post = held;
            own = me;
        }

        /** Everyone in the batch, this peer first (signing now) if it holds the post and is not listed yet. */
        List<Held> signed() {
            List<Held> all = new ArrayList<>(names.size() + 1);
            if (own != null && !names.containsKey(own.name())) {
                all.add(new Held(own.name(), own.attest().apply(post)));
            }
            all.addAll(names.values());
            return all;
        }
    }
}
