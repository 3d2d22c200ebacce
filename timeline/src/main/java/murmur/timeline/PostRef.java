package murmur.timeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a post refers to: one post of a log, named by its place and its {@link Post#hash()}, so a reader can tell the
 * post it holds is the one meant. A repost or a quote carries the post it names ({@code original}), so whoever
 * receives it can show the original without asking anyone; the original's own signature is checked by every peer
 * that takes it in, and it is not part of the referring post's signed bytes (the hash is).
 *
 * @param kind     how the post relates to the one it names
 * @param author   the named post's author
 * @param device   the named post's device log
 * @param seq      the named post's sequence number in that log
 * @param hash     the named post's hash
 * @param original for a repost or a quote, the named post itself (its own original left out), or null where it is
 *                 not held (it was deleted, say)
 */
public record PostRef(Kind kind, String author, String device, long seq, byte[] hash, Post original) {

    /** How a post relates to the post it names. Codes are part of the signed bytes and the wire format. */
    public enum Kind {
        /** A reply to the named post, shown in its thread. */
        REPLY(1),
        /** Withdraws the named post, which must be the author's own: every peer drops its text. Has no text. */
        DELETE(2),
        /** Passes the named post on to the reposter's followers, as it is. Has no text. */
        REPOST(3),
        /** A post of its own that shows the named post beneath its text. */
        QUOTE(4);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** Whether a reference of this kind carries the post it names. */
        public boolean carriesOriginal() {
            return this == REPOST || this == QUOTE;
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
        if (original != null && (!kind.carriesOriginal() || !names(original, author, device, seq, hash)
                || original.ref() != null && original.ref().original() != null)) {
            throw new IllegalArgumentException("the post carried is not the one named, or carries another");
        }
    }

    /** A reference that carries no post. */
    public PostRef(Kind kind, String author, String device, long seq, byte[] hash) {
        this(kind, author, device, seq, hash, null);
    }

    /**
     * A reference of {@code kind} to {@code post}; a repost or a quote carries it (without the post it carries in
     * turn, if any).
     */
    public static PostRef to(Kind kind, Post post) {
        return new PostRef(kind, post.author(), post.device(), post.seq(), post.hash(),
                kind.carriesOriginal() ? post.withoutOriginal() : null);
    }

    /** The same reference, carrying {@code post} (or nothing, for null). */
    public PostRef carrying(Post post) {
        return new PostRef(kind, author, device, seq, hash, post);
    }

    /** Whether {@code post} is the post this names (same place and same hash). */
    public boolean names(Post post) {
        return names(post, author, device, seq, hash);
    }

    private static boolean names(Post post, String author, String device, long seq, byte[] hash) {
        return author.equals(post.author()) && device.equals(post.device()) && seq == post.seq()
                && Arrays.equals(hash, post.hash());
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** Equal references name the same post the same way, whether or not they carry it. */
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
