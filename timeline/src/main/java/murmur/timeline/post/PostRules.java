package murmur.timeline.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import murmur.timeline.Post;
import murmur.timeline.UserName;

/** What makes a received post acceptable, apart from being new: checked before it is stored, relayed or shown. */
public final class PostRules {
    private final int maxChars;
    private final Duration maxFutureSkew;

    public PostRules(int maxChars, Duration maxFutureSkew) {
        this.maxChars = maxChars;
        this.maxFutureSkew = maxFutureSkew;
    }

    /** Why the text cannot be posted, if it cannot. */
    public Optional<String> textProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("a post needs some text");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            return Optional.of("a post has at most " + maxChars + " characters; this one has " + length);
        }
        return Optional.empty();
    }

    /** A delete has no text and names an earlier post of its own author. */
    private static Optional<String> deleteProblem(Post post) {
        if (!post.text().isEmpty()) {
            return Optional.of("a delete has no text");
        }
        if (!post.ref().author().equals(post.author())) {
            return Optional.of("a delete may name only its author's own posts");
        }
        if (post.ref().device().equals(post.device()) && post.ref().seq() >= post.seq()) {
            return Optional.of("a delete names an earlier post");
        }
        return Optional.empty();
    }

    /**
     * A repost has no text, a quote has its own; what either carries is an ordinary post (not a delete or a repost:
     * a repost of a repost names the post first reposted).
     */
    private Optional<String> carryingProblem(Post post) {
        Optional<String> text = post.isRepost()
                ? post.text().isEmpty() ? Optional.empty() : Optional.of("a repost has no text")
                : textProblem(post.text());
        if (text.isPresent()) {
            return text;
        }
        Post original = post.ref().original();
        if (original != null && (original.isDelete() || original.isRepost())) {
            return Optional.of("a " + post.ref().kind() + " carries a delete or a repost");
        }
        return Optional.empty();
    }

    /**
     * Why {@code post} must be dropped, if it must; {@code authorKey} is its signer's public key. The post a repost
     * or quote carries is checked apart, against its own author's key.
     */
    public Optional<String> problem(Post post, byte[] authorKey, Instant now) {
        if (!UserName.isValid(post.author())) {
            return Optional.of("invalid author name");
        }
        Optional<String> text = post.isDelete() ? deleteProblem(post)
                : post.ref() != null && post.ref().kind().carriesOriginal() ? carryingProblem(post)
                : textProblem(post.text());
        if (text.isPresent()) {
            return text;
        }
        if (post.timestamp().isAfter(now.plus(maxFutureSkew))) {
            return Optional.of("dated " + Duration.between(now, post.timestamp()).toSeconds() + " s in the future");
        }
        if (!post.verifies(authorKey)) {
            return Optional.of("the signature does not verify against " + post.author() + "'s "
                    + (post.legacy() ? "key" : "device key " + post.device()));
        }
        return Optional.empty();
    }
}
