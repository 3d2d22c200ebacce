package murmur.timeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a post refers to: one post of a log, named by its place and its {@link Post#hash()}, so a reader can tell the
 * post it holds is the one meant.
 *
 * @param kind   how the post relates to the one it names
 * @param author the named post's author
 * @param device the named post's device log
 * @param seq    the named post's sequence number in that log
 * @param hash   the named post's hash
 */
public record PostRef(Kind kind, String author, String device, long seq, byte[] hash) {

    /** How a post relates to the post it names. Codes are part of the signed bytes and the wire format. */
    public enum Kind {
        /** A reply to the named post, shown in its thread. */
        REPLY(1),
        /** Withdraws the named post, which must be the author's own: every peer drops its text. Has no text. */
        DELETE(2);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The kind with this code, or null. */
        public static Kind ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    public PostRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        if (!Post.isDeviceId(device) || seq < 1 || hash.length != Post.HASH_BYTES) {
            throw new IllegalArgumentException("malformed post reference");
        }
        hash = hash.clone();
    }

    /** A reference of {@code kind} to {@code post}. */
    public static PostRef to(Kind kind, Post post) {
        return new PostRef(kind, post.author(), post.device(), post.seq(), post.hash());
    }

    /** Whether {@code post} is the post this names (same place and same hash). */
    public boolean names(Post post) {
        return author.equals(post.author()) && device.equals(post.device()) && seq == post.seq()
                && Arrays.equals(hash, post.hash());
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostRef r && kind == r.kind && author.equals(r.author) && device.equals(r.device)
                && seq == r.seq && Arrays.equals(hash, r.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, author, device, seq);
    }

    @Override
    public String toString() {
        return kind + "→" + author + "/" + device + "#" + seq;
    }
}
