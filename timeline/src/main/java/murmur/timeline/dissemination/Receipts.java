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
 * Receipts waiting to go one hop up: names for the same post and parent are gathered and sent as one message, with
 * this peer's own receipt signed as it leaves. Best effort: a receipt that cannot be sent only leaves a delivery
 * count short.
 *
 * <p>When a batch leaves: a hop that holds the post knows its subtree, so its batch waits for the linger and then
 * for the batches of every peer below it, and leaves as soon as all of them are in. So when no one fails, each peer
 * sends one receipt message, and the author has every receipt a linger after the last follower got the post, not a
 * linger per level. A peer below that never answers holds the batch for at most a linger per level below this hop
 * (the hops below give up first). A batch that expects no subtree (this peer is a leaf, or the receipts came late)
 * leaves after the linger.
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
        Pending key = new Pending(parent, author, device, seq);
        Batch ready;
        synchronized (this) {
            Batch batch = batch(key);
            for (Held h : holders) {
                if (batch.names.size() < PushCodec.MAX_SUBTREE) {
                    batch.names.putIfAbsent(h.name(), h);
                }
            }
            ready = takeIfReady(key, batch);
        }
        if (ready != null) {
            scheduler.execute(() -> send(key, ready));
        }
    }

    /**
     * Adds this peer's own receipt for {@code post}, held by {@code me}, to what goes up to {@code parent}, and has
     * the batch wait until it holds {@code subtree} names: this peer's subtree, itself included, whose levels below
     * it number {@code levelsBelow}. Only the count is kept, nothing is copied on the push's way: receipts come from
     * the subtree, and names from elsewhere only make the batch leave sooner. The receipt is signed as it leaves,
     * not now: the signature is work the post's way down the tree never waits for, and on a busy peer it waits until
     * the pushes have gone.
     */
    void addOwn(List<PeerAddress> parent, Post post, Holder me, int subtree, int levelsBelow) {
        Pending key = new Pending(parent, post.author(), post.device(), post.seq());
        Batch ready;
        synchronized (this) {
            Batch batch = batch(key);
            batch.own(post, me, subtree, levelsBelow);
            ready = takeIfReady(key, batch);
            if (ready == null && batch.lingered) {
                giveUpLater(key, batch);
            }
        }
        if (ready != null) {
            scheduler.execute(() -> send(key, ready));
        }
    }

    /** The batch waiting under {@code key}, made (and its linger started) if there is none. */
    private Batch batch(Pending key) {
        Batch batch = pending.get(key);
        if (batch == null) {
            Batch made = new Batch();
            pending.put(key, made);
            scheduler.schedule(() -> lingered(key, made), linger.toMillis(), TimeUnit.MILLISECONDS);
            batch = made;
        }
        return batch;
    }

    /**
     * The linger of {@code batch} has passed: it leaves now if nothing it waits for is missing, else at the latest a
     * linger per level below this peer from now (scheduled here, not on the push's way down).
     */
    private void lingered(Pending key, Batch batch) {
        Batch ready;
        synchronized (this) {
            batch.lingered = true;
            ready = takeIfReady(key, batch);
            if (ready == null) {
                giveUpLater(key, batch);
            }
        }
        if (ready != null) {
            send(key, ready);
        }
    }

    /** {@code batch}, taken out of waiting, if it may leave and has not left yet; else null. Under the lock. */
    private Batch takeIfReady(Pending key, Batch batch) {
        return batch.ready() && pending.remove(key, batch) ? batch : null;
    }

    /** Has {@code batch}, past its linger, leave a linger per level below this peer from now, whatever is missing. */
    private void giveUpLater(Pending key, Batch batch) {
        if (batch.levelsBelow > 0 && pending.get(key) == batch) {
            scheduler.schedule(() -> leave(key, batch), linger.toMillis() * batch.levelsBelow, TimeUnit.MILLISECONDS);
        }
    }

    /** {@code batch} leaves now, whatever is missing, unless it has left already. */
    private void leave(Pending key, Batch batch) {
        synchronized (this) {
            if (!pending.remove(key, batch)) {
                return;
            }
        }
        send(key, batch);
    }

    private void send(Pending key, Batch batch) {
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

    /**
     * Holders waiting to go up together, this peer itself (signed as the batch leaves), and how many names it waits
     * for. Guarded by the {@link Receipts} that holds it.
     */
    private static final class Batch {
        private final Map<String, Held> names = new LinkedHashMap<>();
        private int expected;
        private int levelsBelow;
        private boolean lingered;
        private Post post;
        private Holder own;

        void own(Post held, Holder me, int subtree, int levels) {
            post = held;
            own = me;
            expected = subtree;
            levelsBelow = levels;
        }

        boolean ready() {
            int holders = names.size() + (own != null && !names.containsKey(own.name()) ? 1 : 0);
            return lingered && holders >= expected;
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
