package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.post.PostWire;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** Bytes of {@link FetchRequest} and {@link FetchPage}: a version, then version vectors and posts. */
final class FetchCodec {
    /** 3: positions and posts name their device log; 2 had one log per author; 1 had four-byte counts. */
    static final int VERSION = 4;
    /** Positions in one message: up to {@link #MAX_AUTHORS} authors, each with up to 65 logs (64 devices, legacy). */
    static final int MAX_POSITIONS = 1024;
    /** Authors in one request: the answer names every log of each, so their number is bounded. */
    static final int MAX_AUTHORS = 8;
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
        if (have.stream().map(LogPosition::author).distinct().count() > MAX_AUTHORS) {
            throw new MalformedInputException("a request names at most " + MAX_AUTHORS + " authors");
        }
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
        positions.forEach(p -> out.text(p.author()).text(p.device()).i64(p.seq()));
    }

    private static List<LogPosition> readPositions(WireReader in) throws MalformedInputException {
        int n = in.count(MAX_POSITIONS, "position count");
        List<LogPosition> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String author = in.text(PostWire.MAX_NAME_BYTES, "author");
            String device = PostWire.device(in);
            long seq = in.i64();
            if (seq < 0) {
                throw new MalformedInputException("a sequence number cannot be negative");
            }
            positions.add(new LogPosition(author, device, seq));
        }
        return positions;
    }
}
