package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.post.Holding;
import murmur.timeline.post.PostWire;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** Bytes of a {@link ReceiptMessage}: version, author, device, sequence number, then each holder and signature. */
final class ReceiptCodec {
    /**
     * 4: the post's device log after its author; 3 had one log per author; each holder signs for itself since 3
     * (64 bytes after its name); 2 had bare names; 1 had four-byte counts.
     */
    static final int VERSION = 4;
    /**
     * Holders in one message: at most 4096 × (4 + 64 + 64) bytes, well under the link's 1 MiB frame; a hop with more
     * sends several.
     */
    static final int MAX_HOLDERS = 4096;

    private ReceiptCodec() {}

    static byte[] encode(ReceiptMessage m) {
        WireWriter out = new WireWriter().u8(VERSION).text(m.author()).text(m.device()).i64(m.seq())
                .count(m.holders().size());
        for (Held h : m.holders()) {
            out.text(h.name()).raw(h.signature());
        }
        return out.toBytes();
    }

    static ReceiptMessage decode(byte[] body) throws MalformedInputException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        String author = in.text(PostWire.MAX_NAME_BYTES, "author");
        String device = PostWire.device(in);
        long seq = in.i64();
        int n = in.count(MAX_HOLDERS, "holder count");
        List<Held> holders = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            holders.add(new Held(in.text(PostWire.MAX_NAME_BYTES, "holder"),
                    in.raw(Holding.SIGNATURE_BYTES, "holding signature")));
        }
        in.end();
        return new ReceiptMessage(author, device, seq, holders);
    }
}
