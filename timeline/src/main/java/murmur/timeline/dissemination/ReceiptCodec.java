package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;

/** Bytes of a {@link ReceiptMessage}: version, author, sequence number, then the holders' names. */
final class ReceiptCodec {
    static final int VERSION = 1;

    private ReceiptCodec() {}

    static byte[] encode(ReceiptMessage m) {
        WireWriter out = new WireWriter().u8(VERSION).string(m.author()).i64(m.seq()).u32(m.holders().size());
        m.holders().forEach(out::string);
        return out.toBytes();
    }

    static ReceiptMessage decode(byte[] body) throws WireException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        String author = in.string(PostWire.MAX_NAME_BYTES, "author");
        long seq = in.i64();
        int n = in.count(PushCodec.MAX_SUBTREE, "holder count");
        List<String> holders = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            holders.add(in.string(PostWire.MAX_NAME_BYTES, "holder"));
        }
        in.end();
        return new ReceiptMessage(author, seq, holders);
    }
}
