package murmur.tools.login;

/**
 * What {@link LoginBenchmark} builds before it measures.
 *
 * @param authors        followed users, each on a peer of their own
 * @param postsPerAuthor posts each followed user writes before the second sign-in
 * @param ownPosts       posts the user writes on the first device
 * @param timeoutSeconds how long the second device may take before the run counts as incomplete
 */
public record LoginBenchOptions(int authors, int postsPerAuthor, int ownPosts, int timeoutSeconds) {

    public LoginBenchOptions {
        if (authors < 1 || authors > 50) {
            throw new IllegalArgumentException("--authors must be 1 to 50, not " + authors);
        }
        if (postsPerAuthor < 0 || postsPerAuthor > 500 || ownPosts < 0 || ownPosts > 500) {
            throw new IllegalArgumentException("--posts and --own-posts must be 0 to 500");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
    }

    /** The posts a complete timeline holds. */
    public int expectedPosts() {
        return authors * postsPerAuthor + ownPosts;
    }
}
