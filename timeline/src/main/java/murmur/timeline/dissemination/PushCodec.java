package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.post.PostWire;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/**
 * Bytes of a {@link PushMessage}: version, post, depth, reply address, the subtree's names and addresses, then the
 * tree's degree as an optional trailing {@code u8}: absent for a binary tree (so a binary push is byte for byte what
 * it was before degrees), present for any other; a degree outside 2..16 is malformed.
 */
final class PushCodec {
    /** 3: the post names its device log; 2 had one log per author; 1 had four-byte counts. */
    static final int VERSION = 4;
    static final int MAX_DEPTH = 64;
    static final int MAX_SUBTREE = 50_000;
    /** Room for {@code PeerAddresses.MAX_ADDRESSES} addresses, IPv6 ones included, comma-joined. */
    static final int MAX_ADDRESS_BYTES = 512;

    private PushCodec() {}

    static byte[] encode(PushMessage m) {
        WireWriter out = new WireWriter().u8(VERSION);
        PostWire.write(out, m.post());
        out.u8(m.depth()).text(m.replyTo()).count(m.subtree().size());
        for (Hop hop : m.subtree()) {
            out.text(hop.name()).text(hop.address());
        }
        if (m.degree() != FanoutTree.BINARY) {
            out.u8(m.degree());
        }
        return out.toBytes();
    }

    static PushMessage decode(byte[] body) throws MalformedInputException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        Post post = PostWire.read(in);
        int depth = in.u8();
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new MalformedInputException("depth must be from 1 to " + MAX_DEPTH + ", got " + depth);
        }
        String replyTo = in.text(MAX_ADDRESS_BYTES, "reply address");
        int n = in.count(MAX_SUBTREE, "subtree size");
        if (n == 0) {
            throw new MalformedInputException("a push names at least its receiver");
        }
        List<Hop> subtree = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            subtree.add(new Hop(in.text(PostWire.MAX_NAME_BYTES, "name"),
                    in.text(MAX_ADDRESS_BYTES, "address")));
        }
        int degree = in.remaining() > 0 ? in.u8() : FanoutTree.BINARY;
        if (!FanoutTree.validDegree(degree)) {
            throw new MalformedInputException("a tree's degree must be from " + FanoutTree.MIN_DEGREE + " to "
                    + FanoutTree.MAX_DEGREE + ", got " + degree);
        }
        in.end();
        return new PushMessage(post, depth, replyTo, subtree, degree);
    }
}
