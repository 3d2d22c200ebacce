package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import murmur.timeline.Post;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** Bytes of {@link FetchRequest} and {@link FetchPage}: a version, then version vectors and posts. */
final class FetchCodec {
    /** 2: element counts in two bytes (the shared wire primitives); 1 had four. */
    static final int VERSION = 2;
    static final int MAX_AUTHORS = 256;
    static final int MAX_PAGE = 200;

    private FetchCodec() {}

    static byte[] encode(FetchRequest r) {
        WireWriter out = new WireWriter().u8(VERSION).count(r.limit());
        writePositions(out, r.have());
        return out.toBytes();
    }

    static FetchRequest decodeRequest(byte[] body) throws MalformedInputException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        int limit = in.count(MAX_PAGE, "page limit");
        List<LogPosition> have = readPositions(in);
        in.end();
        return new FetchRequest(have, limit);
    }

    static byte[] encode(FetchPage p) {
        WireWriter out = new WireWriter().u8(VERSION).count(p.posts().size());
        p.posts().forEach(post -> PostWire.write(out, post));
        writePositions(out, p.heads());
        return out.toBytes();
    }

    static FetchPage decodePage(byte[] body) throws MalformedInputException {
        WireReader in = new WireReader(body).expectVersion(VERSION);
        int n = in.count(MAX_PAGE, "post count");
        List<Post> posts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            posts.add(PostWire.read(in));
        }
        List<LogPosition> heads = readPositions(in);
        in.end();
        return new FetchPage(posts, heads);
    }

    private static void writePositions(WireWriter out, List<LogPosition> positions) {
        out.count(positions.size());
        positions.forEach(p -> out.text(p.author()).i64(p.seq()));
    }

    private static List<LogPosition> readPositions(WireReader in) throws MalformedInputException {
        int n = in.count(MAX_AUTHORS, "author count");
        List<LogPosition> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String author = in.text(PostWire.MAX_NAME_BYTES, "author");
            long seq = in.i64();
            if (seq < 0) {
                throw new MalformedInputException("a sequence number cannot be negative");
            }
            positions.add(new LogPosition(author, seq));
        }
        return positions;
    }
}
