package murmur.timeline.dissemination;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import murmur.timeline.Post;

/**
 * How the author orders its online followers for a post: by a hash of the author, an epoch of
 * {@value #POSTS_PER_EPOCH} sequence numbers and the follower's name. Within an epoch the tree stays the same, so
 * its connections are reused; from one epoch to the next the followers who do the forwarding (the inner half of the
 * tree) change, so nobody relays every post.
 */
public final class FanoutOrder {
    static final int POSTS_PER_EPOCH = 32;

    private FanoutOrder() {}

    /** The followers in tree order, without duplicates and without the author. */
    public static List<Hop> of(Post post, Collection<Hop> followers) {
        return inEpoch(post.author(), epochOf(post.seq()), followers);
    }

    /** The epoch a post of sequence number {@code seq} falls in. */
    public static long epochOf(long seq) {
        return (seq - 1) / POSTS_PER_EPOCH;
    }

    /** {@code author}'s followers in the tree order of its posts in {@code epoch}, as {@link #of} orders them. */
    public static List<Hop> inEpoch(String author, long epoch, Collection<Hop> followers) {
        Map<String, Hop> unique = new LinkedHashMap<>();
        followers.stream().filter(h -> !h.name().equals(author)).forEach(h -> unique.putIfAbsent(h.name(), h));
        String salt = author + "#" + epoch + "#";
        return unique.values().stream()
                .map(h -> Map.entry(rank(salt + h.name()), h))
                .sorted(Map.Entry.<String, Hop>comparingByKey().thenComparing(e -> e.getValue().name(),
                        Comparator.naturalOrder()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static String rank(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
