package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import murmur.timeline.Post;
import org.junit.jupiter.api.Test;

class CodecTest {
    private final TestPosts posts = new TestPosts();
    private final Post post = posts.next("alice");
    private final List<Hop> tree = List.of(new Hop("bob", "127.0.0.1:4000"), new Hop("carol", "[::1]:4001"));

    @Test
    void aPushSurvivesTheRoundTrip() throws WireException {
        PushMessage m = new PushMessage(post, 3, "127.0.0.1:5000", tree);
        PushMessage back = PushCodec.decode(PushCodec.encode(m));
        assertThat(back).isEqualTo(m);
        assertThat(back.post().verifies(posts.key.publicKey())).isTrue();
    }

    @Test
    void receiptsAndCatchUpMessagesSurviveTheRoundTrip() throws WireException {
        ReceiptMessage r = new ReceiptMessage("alice", 7, List.of("bob", "carol"));
        assertThat(ReceiptCodec.decode(ReceiptCodec.encode(r))).isEqualTo(r);
        FetchRequest q = new FetchRequest(List.of(new LogPosition("alice", 4), new LogPosition("bob", 0)), 50);
        assertThat(FetchCodec.decodeRequest(FetchCodec.encode(q))).isEqualTo(q);
        FetchPage p = new FetchPage(List.of(post, posts.next("alice")), List.of(new LogPosition("alice", 2)));
        assertThat(FetchCodec.decodePage(FetchCodec.encode(p))).isEqualTo(p);
    }

    @Test
    void everyTruncationOfAPushIsRefusedWithAClearError() {
        byte[] bytes = PushCodec.encode(new PushMessage(post, 1, "127.0.0.1:5000", tree));
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> PushCodec.decode(cut)).isInstanceOf(WireException.class);
        }
    }

    @Test
    void anotherVersionTrailingBytesAndHugeCountsAreRefused() {
        byte[] bytes = PushCodec.encode(new PushMessage(post, 1, "127.0.0.1:5000", tree));
        byte[] v2 = bytes.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> PushCodec.decode(v2)).hasMessageContaining("unsupported message version 2");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> PushCodec.decode(longer)).hasMessageContaining("trailing");
        byte[] huge = new WireWriter().u8(FetchCodec.VERSION).u32(10).u32(Integer.MAX_VALUE).toBytes();
        assertThatThrownBy(() -> FetchCodec.decodeRequest(huge)).hasMessageContaining("author count");
        byte[] bigPage = new WireWriter().u8(FetchCodec.VERSION).u32(FetchCodec.MAX_PAGE + 1).toBytes();
        assertThatThrownBy(() -> FetchCodec.decodeRequest(bigPage)).hasMessageContaining("page limit");
    }

    @Test
    void aPushWithNoReceiverOrAnImpossibleDepthIsRefused() {
        byte[] noOne = new WireWriter().u8(PushCodec.VERSION).toBytes();
        assertThatThrownBy(() -> PushCodec.decode(noOne)).isInstanceOf(WireException.class);
        byte[] bytes = PushCodec.encode(new PushMessage(post, 1, "127.0.0.1:5000", tree));
        int depthAt = bytes.length - 4 - tree.stream().mapToInt(h -> 8 + h.name().length() + h.address().length())
                .sum() - 4 - "127.0.0.1:5000".length() - 1;
        bytes[depthAt] = 0;
        byte[] zeroDepth = bytes;
        assertThatThrownBy(() -> PushCodec.decode(zeroDepth)).hasMessageContaining("depth");
    }
}
