package murmur.timeline.dissemination;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import murmur.timeline.Post;

/**
 * Whether a post fits its device log as this peer holds it: its {@code prevHash} must be the hash of the post
 * before it, the post after it must point at it, and it must not contradict a post with the same number. Checked
 * with the signature before a post is stored, relayed or shown.
 */
public final class SequenceRule {
    private static final byte[] NO_PREVIOUS = new byte[Post.HASH_BYTES];

    private SequenceRule() {}

    /** Why {@code post} does not fit, given the posts of its log held here numbered {@code seq-1} to {@code seq+1}. */
    public static Optional<String> problem(Post post, Collection<Post> neighbours) {
        if (post.seq() == 1 && !Arrays.equals(post.prevHash(), NO_PREVIOUS)) {
            return Optional.of("the first post of a log cannot point at an earlier one");
        }
        for (Post held : neighbours) {
            if (!held.author().equals(post.author()) || !held.device().equals(post.device())) {
                continue;
            }
            if (held.seq() == post.seq() - 1 && !Arrays.equals(post.prevHash(), held.hash())) {
                return Optional.of("it does not follow post #" + held.seq() + " held here");
            }
            if (held.seq() == post.seq() && !held.equals(post)) {
                return Optional.of("it contradicts the post #" + held.seq() + " held here");
            }
            if (held.seq() == post.seq() + 1 && !Arrays.equals(held.prevHash(), post.hash())) {
                return Optional.of("post #" + held.seq() + " held here does not follow it");
            }
        }
        return Optional.empty();
    }
}
