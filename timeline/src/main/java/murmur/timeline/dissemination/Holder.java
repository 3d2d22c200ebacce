package murmur.timeline.dissemination;

import java.util.function.Function;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.post.Holding;

/**
 * The user logged in on this peer as a holder of posts: its name, and what signs, with its user key, that it holds
 * a post ({@link Holding}), for the receipts that go back up the tree.
 */
public record Holder(String name, Function<Post, byte[]> attest) {

    /** {@code name} signing with {@code key}. */
    public static Holder of(String name, SigningKey key) {
        return new Holder(name, post -> Holding.sign(key, post.author(), post.seq(), post.hash(), name));
    }
}
