package murmur.timeline.dissemination;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.link.LinkException;
import murmur.timeline.post.Holding;

/** An author's relay whose followers have keys of their own, and receipts as an attacker would write them. */
final class ReceiptFixture {
    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

    SigningKey key(String user) {
        return keys.computeIfAbsent(user, u -> SigningKey.generate(SigningKey.deterministicRandom(u.hashCode())));
    }

    /** Alice's relay: every push fails; a user's pinned key is the one this fixture made for it. */
    Relay author(ScheduledExecutorService scheduler, DeliverySink sink) {
        return new Relay((to, type, body) -> CompletableFuture.failedFuture(
                new LinkException(LinkException.Kind.UNREACHABLE, "nobody there")),
                p -> CompletableFuture.failedFuture(new IllegalStateException("the author's own peer")),
                () -> Optional.of(Holder.of("alice", key("alice"))), () -> "127.0.0.1:9", RelayFixture.SETTINGS,
                sink, scheduler, n -> CompletableFuture.completedFuture(Optional.empty()),
                n -> CompletableFuture.completedFuture(n.equals("mallory") ? Optional.empty()
                        : Optional.of(key(n).publicKey())));
    }

    /** A receipt for {@code post} naming {@code names}, every signature made with {@code signer}'s key. */
    byte[] receiptSignedBy(String signer, Post post, List<String> names) {
        SigningKey key = key(signer);
        return ReceiptCodec.encode(new ReceiptMessage(post.author(), post.device(), post.seq(), names.stream()
                .map(n -> new Held(n, Holding.sign(key, post.author(), post.seq(), post.hash(), n))).toList()));
    }

    /** Each of {@code names}' own signature over {@code post}, sent as a receipt for {@code seq}. */
    byte[] genuineReceipt(Post post, long seq, List<String> names) {
        return ReceiptCodec.encode(new ReceiptMessage(post.author(), post.device(), seq, names.stream()
                .map(n -> new Held(n, Holding.sign(key(n), post.author(), post.seq(), post.hash(), n))).toList()));
    }
}
