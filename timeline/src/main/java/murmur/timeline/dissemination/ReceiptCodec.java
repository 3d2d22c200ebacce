package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** Bytes of a {@link ReceiptMessage}: version, author, sequence number, then the holders' names. */
final class ReceiptCodec {
    /** 2: element counts in two bytes (the shared wire primitives); 1 had four. */
    static final int VERSION = 2;

    private ReceiptCodec() {}

    static byte[] encode(ReceiptMessage m) {
        WireWriter out = new WireWriter().u8(VERSION).text(m.author()).i64(m.seq()).count(m.holders().size());
        m.holders().forEach(out::text);
        return out.toBytes();
    }

    static ReceiptMessage decode(byte[] body) throws MalformedInputException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        String author = in.text(PostWire.MAX_NAME_BYTES, "author");
        long seq = in.i64();
        int n = in.count(PushCodec.MAX_SUBTREE, "holder count");
        List<String> holders = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            holders.add(in.text(PostWire.MAX_NAME_BYTES, "holder"));
        }
        in.end();
        return new ReceiptMessage(author, seq, holders);
    }
}
