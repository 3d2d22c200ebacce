package murmur.tools.fanout;

import java.util.Arrays;
import murmur.timeline.Post;

/**
 * What one follower's check of a post's signature costs on this machine, warm: the unit of the fan-out's CPU bound
 * (every online follower checks the post once, on however many cores the machine has).
 */
final class VerifyCost {
    private static final int ROUNDS = 7;
    private static final int PER_ROUND = 500;

    private VerifyCost() {}

    /** The median over a few rounds of the microseconds one {@link Post#verifies} of {@code post} takes. */
    static double micros(Post post, byte[] authorKey) {
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                if (!post.verifies(authorKey)) {
                    throw new IllegalStateException("the benchmark's own post does not verify");
                }
            }
            rounds[r] = (System.nanoTime() - start) / 1e3 / PER_ROUND;
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }
}
