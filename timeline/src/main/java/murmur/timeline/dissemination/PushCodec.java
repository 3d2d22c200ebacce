package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import murmur.timeline.Post;

/** Bytes of a {@link PushMessage}: version, post, depth, reply address, then the subtree's names and addresses. */
final class PushCodec {
    static final int VERSION = 1;
    static final int MAX_DEPTH = 64;
    static final int MAX_SUBTREE = 50_000;
    /** Room for {@code PeerAddresses.MAX_ADDRESSES} addresses, IPv6 ones included, comma-joined. */
    static final int MAX_ADDRESS_BYTES = 512;

    private PushCodec() {}

    static byte[] encode(PushMessage m) {
        WireWriter out = new WireWriter().u8(VERSION);
        PostWire.write(out, m.post());
        out.u8(m.depth()).string(m.replyTo()).u32(m.subtree().size());
        for (Hop hop : m.subtree()) {
            out.string(hop.name()).string(hop.address());
        }
        return out.toBytes();
    }

    static PushMessage decode(byte[] body) throws WireException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        Post post = PostWire.read(in);
        int depth = in.u8();
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new WireException("depth must be from 1 to " + MAX_DEPTH + ", got " + depth);
        }
        String replyTo = in.string(MAX_ADDRESS_BYTES, "reply address");
        int n = in.count(MAX_SUBTREE, "subtree size");
        if (n == 0) {
            throw new WireException("a push names at least its receiver");
        }
        List<Hop> subtree = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            subtree.add(new Hop(in.string(PostWire.MAX_NAME_BYTES, "name"),
                    in.string(MAX_ADDRESS_BYTES, "address")));
        }
        in.end();
        return new PushMessage(post, depth, replyTo, subtree);
    }
}
