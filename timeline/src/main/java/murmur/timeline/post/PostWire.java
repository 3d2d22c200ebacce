package murmur.timeline.post;

import murmur.config.TimelineSettings;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.transport.Ed25519;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/**
 * A signed post inside a message (and the original a repost keeps on disk): its fields, then its reference (a kind
 * code, 0 for none, then the named post's author, device, sequence number and hash); a repost's or a quote's
 * reference then has a flag (0 or 1) and, after 1, the post it names, written the same way, which carries no post
 * in turn. Only the shape is checked here; signatures are checked by the receiver.
 */
public final class PostWire {
    public static final int MAX_NAME_BYTES = 64;
    static final int MAX_TEXT_BYTES = TimelineSettings.MAX_POST_CHARS * 4;
    /** A device id has 16 characters; the legacy log's is {@code "0"}. */
    static final int MAX_DEVICE_BYTES = 16;

    private PostWire() {}

    /** The bytes of one post alone. */
    public static byte[] bytes(Post post) {
        WireWriter out = new WireWriter();
        write(out, post);
        return out.toBytes();
    }

    /** The post {@link #bytes} wrote. */
    public static Post ofBytes(byte[] bytes) throws MalformedInputException {
        WireReader in = new WireReader(bytes);
        Post post = read(in);
        in.end();
        return post;
    }

    public static void write(WireWriter out, Post post) {
        out.text(post.author()).text(post.device()).i64(post.seq()).blob(post.prevHash()).i64(post.timestampMillis())
                .text(post.text()).blob(post.signature());
        PostRef ref = post.ref();
        if (ref == null) {
            out.u8(0);
        } else {
            out.u8(ref.kind().code()).text(ref.author()).text(ref.device()).i64(ref.seq()).blob(ref.hash());
            if (ref.kind().carriesOriginal()) {
                out.u8(ref.original() == null ? 0 : 1);
                if (ref.original() != null) {
                    write(out, ref.original());
                }
            }
        }
    }

    public static Post read(WireReader in) throws MalformedInputException {
        return read(in, true);
    }

    /** A post; one carried by a reference ({@code mayCarry} false) carries none in turn. */
    private static Post read(WireReader in, boolean mayCarry) throws MalformedInputException {
        String author = in.text(MAX_NAME_BYTES, "author");
        String device = device(in);
        long seq = in.i64();
        byte[] prevHash = in.blob(Post.HASH_BYTES, "previous hash");
        long at = in.i64();
        String text = in.text(MAX_TEXT_BYTES, "text");
        byte[] signature = in.blob(Ed25519.SIGNATURE_BYTES, "signature");
        if (seq < 1 || prevHash.length != Post.HASH_BYTES || signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new MalformedInputException("malformed post");
        }
        PostRef ref = ref(in, mayCarry);
        if (ref != null && Post.LEGACY_DEVICE.equals(device)) {
            throw new MalformedInputException("a post of the legacy log refers to no other post");
        }
        return new Post(author, device, seq, prevHash, at, text, signature, ref);
    }

    private static PostRef ref(WireReader in, boolean mayCarry) throws MalformedInputException {
        int code = in.u8();
        if (code == 0) {
            return null;
        }
        PostRef.Kind kind = PostRef.Kind.ofCode(code);
        if (kind == null) {
            throw new MalformedInputException("unknown kind of post reference " + code);
        }
        String author = in.text(MAX_NAME_BYTES, "referenced author");
        String device = device(in);
        long seq = in.i64();
        byte[] hash = in.blob(Post.HASH_BYTES, "referenced hash");
        if (seq < 1 || hash.length != Post.HASH_BYTES) {
            throw new MalformedInputException("malformed post reference");
        }
        PostRef ref = new PostRef(kind, author, device, seq, hash);
        if (!kind.carriesOriginal()) {
            return ref;
        }
        int carried = in.u8();
        if (carried == 0) {
            return ref;
        }
        if (carried != 1 || !mayCarry) {
            throw new MalformedInputException(mayCarry ? "bad flag for a carried post " + carried
                    : "a carried post carries no other");
        }
        Post original = read(in, false);
        if (!ref.names(original)) {
            throw new MalformedInputException("the carried post is not the one the " + kind + " names");
        }
        return ref.carrying(original);
    }

    /** A device id, checked: {@code "0"} or 16 lower-case hex characters. */
    public static String device(WireReader in) throws MalformedInputException {
        String device = in.text(MAX_DEVICE_BYTES, "device");
        if (!Post.isDeviceId(device)) {
            throw new MalformedInputException("a device id is \"0\" or 16 hex digits");
        }
        return device;
    }
}
