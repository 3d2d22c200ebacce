package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.transport.MalformedInputException;
import murmur.transport.WireWriter;
import org.junit.jupiter.api.Test;

class CodecTest {
    private final TestPosts posts = new TestPosts();
    private final Post post = posts.next("alice");
    private final List<Hop> tree = List.of(new Hop("bob", "127.0.0.1:4000"), new Hop("carol", "[::1]:4001"));

    @Test
    void aPushSurvivesTheRoundTrip() throws MalformedInputException {
        PushMessage m = new PushMessage(post, 3, "127.0.0.1:5000", tree);
        PushMessage back = PushCodec.decode(PushCodec.encode(m));
        assertThat(back).isEqualTo(m);
        assertThat(back.post().verifies(posts.key.publicKey())).isTrue();
    }

    @Test
    void aBinaryPushCarriesNoDegreeSoItsBytesAreTheOldFormAndAbsentMeansTwo() throws MalformedInputException {
        PushMessage binary = new PushMessage(post, 3, "127.0.0.1:5000", tree);
        assertThat(binary.degree()).isEqualTo(2);
        byte[] old = PushCodec.encode(binary);
        assertThat(PushCodec.encode(new PushMessage(post, 3, "127.0.0.1:5000", tree, 2))).isEqualTo(old);
        // The old form written field by field: it ends with the last address, and decodes as binary.
        WireWriter byHand = new WireWriter().u8(PushCodec.VERSION);
        murmur.timeline.post.PostWire.write(byHand, post);
        byHand.u8(3).text("127.0.0.1:5000").count(tree.size());
        tree.forEach(h -> byHand.text(h.name()).text(h.address()));
        assertThat(byHand.toBytes()).isEqualTo(old);
        assertThat(PushCodec.decode(old).degree()).isEqualTo(2);
    }

    @Test
    void aWiderPushEndsWithItsDegreeAndSurvivesTheRoundTrip() throws MalformedInputException {
        byte[] old = PushCodec.encode(new PushMessage(post, 3, "127.0.0.1:5000", tree));
        for (int degree : List.of(3, 4, 8, 16)) {
            PushMessage m = new PushMessage(post, 3, "127.0.0.1:5000", tree, degree);
            byte[] bytes = PushCodec.encode(m);
            assertThat(bytes).hasSize(old.length + 1).startsWith(old);
            assertThat(bytes[old.length]).isEqualTo((byte) degree);
            assertThat(PushCodec.decode(bytes)).isEqualTo(m);
        }
        byte[] explicitTwo = Arrays.copyOf(old, old.length + 1);
        explicitTwo[old.length] = 2;
        assertThat(PushCodec.decode(explicitTwo).degree()).as("a binary degree written out is still binary")
                .isEqualTo(2);
    }

    @Test
    void aDegreeOutsideTwoToSixteenIsMalformed() {
        byte[] old = PushCodec.encode(new PushMessage(post, 3, "127.0.0.1:5000", tree));
        for (int degree : List.of(0, 1, 17, 255)) {
            byte[] bytes = Arrays.copyOf(old, old.length + 1);
            bytes[old.length] = (byte) degree;
            assertThatThrownBy(() -> PushCodec.decode(bytes)).isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("degree must be from 2 to 16, got " + degree);
        }
        assertThatThrownBy(() -> new PushMessage(post, 3, "127.0.0.1:5000", tree, 17))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptsAndCatchUpMessagesSurviveTheRoundTrip() throws MalformedInputException {
        ReceiptMessage r = new ReceiptMessage("alice", "0123456789abcdef", 7, List.of(new Held("bob", new byte[64]),
                new Held("carol", new byte[64])));
        assertThat(ReceiptCodec.decode(ReceiptCodec.encode(r))).isEqualTo(r);
        FetchRequest q = new FetchRequest(List.of(new LogPosition("alice", "0", 4),
                new LogPosition("bob", "0123456789abcdef", 0)), 50);
        assertThat(FetchCodec.decodeRequest(FetchCodec.encode(q))).isEqualTo(q);
        FetchPage p = new FetchPage(List.of(post, posts.next("alice")), List.of(new LogPosition("alice", "0", 2)));
        assertThat(FetchCodec.decodePage(FetchCodec.encode(p))).isEqualTo(p);
    }

    @Test
    void aReplyAndADeleteKeepTheirReferencesAndSignaturesOverTheWire() throws MalformedInputException {
        Post device = Post.sign(posts.key, "alice", "0123456789abcdef", 1, new byte[Post.HASH_BYTES],
                java.time.Instant.ofEpochSecond(1_700_000_000L), "a reply", PostRef.to(PostRef.Kind.REPLY, post));
        Post delete = Post.sign(posts.key, "alice", "0123456789abcdef", 2, device.hash(),
                java.time.Instant.ofEpochSecond(1_700_000_001L), "", PostRef.to(PostRef.Kind.DELETE, device));
        for (Post p : List.of(device, delete)) {
            Post back = PushCodec.decode(PushCodec.encode(new PushMessage(p, 1, "127.0.0.1:5000", tree))).post();
            assertThat(back).isEqualTo(p);
            assertThat(back.ref()).isEqualTo(p.ref());
            assertThat(back.verifies(posts.key.publicKey())).isTrue();
        }
        FetchPage page = new FetchPage(List.of(device, delete), List.of());
        assertThat(FetchCodec.decodePage(FetchCodec.encode(page))).isEqualTo(page);

        byte[] bytes = PushCodec.encode(new PushMessage(device, 1, "127.0.0.1:5000", tree));
        int kindAt = indexOfKind(bytes, device);
        byte[] unknownKind = bytes.clone();
        unknownKind[kindAt] = 9;
        assertThatThrownBy(() -> PushCodec.decode(unknownKind)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("unknown kind of post reference 9");
        byte[] truncated = Arrays.copyOf(bytes, kindAt + 3);
        assertThatThrownBy(() -> PushCodec.decode(truncated)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aRepostCarriesItsOriginalOverTheWireAndHostileCarriedPostsAreRefused() throws MalformedInputException {
        Post repost = Post.sign(posts.key, "carol", "0123456789abcdef", 1, new byte[Post.HASH_BYTES],
                java.time.Instant.ofEpochSecond(1_700_000_000L), "", PostRef.to(PostRef.Kind.REPOST, post));
        byte[] bytes = PushCodec.encode(new PushMessage(repost, 1, "127.0.0.1:5000", tree));
        Post back = PushCodec.decode(bytes).post();
        assertThat(back.ref().original()).isEqualTo(post);
        assertThat(back.ref().original().verifies(posts.key.publicKey())).isTrue();
        assertThat(back.verifies(posts.key.publicKey())).isTrue();
        FetchPage page = new FetchPage(List.of(repost), List.of());
        assertThat(FetchCodec.decodePage(FetchCodec.encode(page)).posts().get(0).ref().original()).isEqualTo(post);

        // The carried post's text changed on the way: its hash no longer matches the one the repost signed.
        int textAt = indexOf(bytes, post.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] altered = bytes.clone();
        altered[textAt] ^= 1;
        assertThatThrownBy(() -> PushCodec.decode(altered)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("not the one the REPOST names");
        // A flag that is neither 0 nor 1, and a carried post cut short.
        int flagAt = indexOfKind(bytes, repost) + 1 + 4 + post.author().length() + 4 + post.device().length() + 8
                + 4 + Post.HASH_BYTES;
        assertThat(bytes[flagAt]).isEqualTo((byte) 1);
        byte[] badFlag = bytes.clone();
        badFlag[flagAt] = 7;
        assertThatThrownBy(() -> PushCodec.decode(badFlag)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("bad flag");
        assertThatThrownBy(() -> PushCodec.decode(Arrays.copyOf(bytes, flagAt + 10)))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aCarriedPostThatCarriesAnotherIsRefused() {
        Post quote = Post.sign(posts.key, "carol", "0123456789abcdef", 1, new byte[Post.HASH_BYTES],
                java.time.Instant.ofEpochSecond(1_700_000_000L), "look", PostRef.to(PostRef.Kind.QUOTE, post));
        // Written by hand: the types refuse to build such a post.
        WireWriter out = new WireWriter().u8(PushCodec.VERSION);
        Post outer = Post.sign(posts.key, "dave", "0123456789abcdef", 1, new byte[Post.HASH_BYTES],
                java.time.Instant.ofEpochSecond(1_700_000_001L), "", new PostRef(PostRef.Kind.REPOST, quote.author(),
                        quote.device(), quote.seq(), quote.hash()));
        out.text(outer.author()).text(outer.device()).i64(outer.seq()).blob(outer.prevHash())
                .i64(outer.timestampMillis()).text(outer.text()).blob(outer.signature());
        out.u8(PostRef.Kind.REPOST.code()).text(quote.author()).text(quote.device()).i64(quote.seq())
                .blob(quote.hash()).u8(1);
        murmur.timeline.post.PostWire.write(out, quote);
        out.u8(1).text("bob").count(1).text("bob").text("127.0.0.1:1");
        assertThatThrownBy(() -> PushCodec.decode(out.toBytes())).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("carries no other");
        assertThatThrownBy(() -> new PostRef(PostRef.Kind.REPOST, quote.author(), quote.device(), quote.seq(),
                quote.hash(), quote)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + part.length), part)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Where the reference's kind code sits: right after the signature, whose bytes are unique in the message. */
    private static int indexOfKind(byte[] bytes, Post p) {
        byte[] sig = p.signature();
        for (int i = 0; i + sig.length <= bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + sig.length), sig)) {
                return i + sig.length;
            }
        }
        throw new AssertionError("signature not found");
    }

    @Test
    void everyTruncationOfAPushIsRefusedWithAClearError() {
        byte[] bytes = PushCodec.encode(new PushMessage(post, 1, "127.0.0.1:5000", tree));
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> PushCodec.decode(cut)).isInstanceOf(MalformedInputException.class);
        }
    }

    @Test
    void anotherVersionTrailingBytesAndHugeCountsAreRefused() {
        byte[] bytes = PushCodec.encode(new PushMessage(post, 1, "127.0.0.1:5000", tree));
        byte[] v1 = bytes.clone();
        v1[0] = 1;
        assertThatThrownBy(() -> PushCodec.decode(v1)).hasMessageContaining("unsupported protocol version 1");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        longer[bytes.length] = 4;
        assertThatThrownBy(() -> PushCodec.decode(longer)).hasMessageContaining("trailing");
        byte[] huge = new WireWriter().u8(FetchCodec.VERSION).u16(10).u16(0xffff).toBytes();
        assertThatThrownBy(() -> FetchCodec.decodeRequest(huge)).hasMessageContaining("position count");
        byte[] bigPage = new WireWriter().u8(FetchCodec.VERSION).u16(FetchCodec.MAX_PAGE + 1).toBytes();
        assertThatThrownBy(() -> FetchCodec.decodeRequest(bigPage)).hasMessageContaining("page limit");
    }

    @Test
    void aPushWithNoReceiverOrAnImpossibleDepthIsRefused() {
        byte[] noOne = new WireWriter().u8(PushCodec.VERSION).toBytes();
        assertThatThrownBy(() -> PushCodec.decode(noOne)).isInstanceOf(MalformedInputException.class);
        byte[] bytes = PushCodec.encode(new PushMessage(post, 1, "127.0.0.1:5000", tree));
        // From the end: the subtree (name and address, each a 4-byte length and its bytes), its 2-byte count, the
        // reply address (4-byte length and bytes), then the depth byte.
        int depthAt = bytes.length - tree.stream().mapToInt(h -> 8 + h.name().length() + h.address().length())
                .sum() - 2 - 4 - "127.0.0.1:5000".length() - 1;
        bytes[depthAt] = 0;
        byte[] zeroDepth = bytes;
        assertThatThrownBy(() -> PushCodec.decode(zeroDepth)).hasMessageContaining("depth");
    }
}
