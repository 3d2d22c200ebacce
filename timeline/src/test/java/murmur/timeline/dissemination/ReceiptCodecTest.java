package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.post.Holding;
import murmur.timeline.post.PostWire;
import murmur.transport.MalformedInputException;
import murmur.transport.WireWriter;
import org.junit.jupiter.api.Test;

/** Receipts v3 (each holder's name and signature) against hostile bytes, and what a holding signature covers. */
class ReceiptCodecTest {
    private final SigningKey bob = SigningKey.generate(SigningKey.deterministicRandom(11));
    private final Post post = new TestPosts().next("alice");
    private final byte[] bobSigns = Holding.sign(bob, "alice", post.seq(), post.hash(), "bob");
    private final ReceiptMessage receipt = new ReceiptMessage("alice", post.device(), post.seq(),
            List.of(new Held("bob", bobSigns)));

    @Test
    void aSignedReceiptSurvivesTheRoundTripAndCostsTheNameAndSixtyEightBytesAHolder() throws Exception {
        byte[] bytes = ReceiptCodec.encode(receipt);
        assertThat(ReceiptCodec.decode(bytes)).isEqualTo(receipt);
        // version, author (4-byte length + 5), device (4-byte length + 1: the legacy log), seq, count, then one
        // holder: 4-byte length + 3, and 64 signature bytes
        assertThat(bytes).hasSize(1 + 4 + 5 + 4 + 1 + 8 + 2 + 4 + 3 + 64);
    }

    @Test
    void aHoldingSignatureCoversTheAuthorTheSequenceThePostAndTheHolder() {
        byte[] key = bob.publicKey();
        assertThat(Holding.verifies(key, "alice", post.seq(), post.hash(), "bob", bobSigns)).isTrue();
        assertThat(Holding.verifies(key, "alicf", post.seq(), post.hash(), "bob", bobSigns)).isFalse();
        assertThat(Holding.verifies(key, "alice", post.seq() + 1, post.hash(), "bob", bobSigns)).isFalse();
        assertThat(Holding.verifies(key, "alice", post.seq(), new byte[32], "bob", bobSigns)).isFalse();
        assertThat(Holding.verifies(key, "alice", post.seq(), post.hash(), "carol", bobSigns)).isFalse();
        assertThat(Holding.verifies(key, "alice", post.seq(), post.hash(), "bob", new byte[63])).isFalse();
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] bytes = ReceiptCodec.encode(receipt);
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> ReceiptCodec.decode(cut)).isInstanceOf(MalformedInputException.class);
        }
    }

    @Test
    void theOldUnsignedVersionTrailingBytesAndHugeCountsAreRefused() {
        byte[] v2 = new WireWriter().u8(2).text("alice").i64(1).count(1).text("bob").toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(v2)).hasMessageContaining("unsupported protocol version 2");
        byte[] v3 = new WireWriter().u8(3).text("alice").i64(1).count(1).text("bob").raw(bobSigns).toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(v3)).as("one log per author")
                .hasMessageContaining("unsupported protocol version 3");
        byte[] badDevice = new WireWriter().u8(ReceiptCodec.VERSION).text("alice").text("../../x").i64(1).count(0)
                .toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(badDevice)).hasMessageContaining("device id");
        byte[] longer = Arrays.copyOf(ReceiptCodec.encode(receipt), ReceiptCodec.encode(receipt).length + 1);
        assertThatThrownBy(() -> ReceiptCodec.decode(longer)).hasMessageContaining("trailing");
        byte[] huge = new WireWriter().u8(ReceiptCodec.VERSION).text("alice").text("0").i64(1).u16(0xffff)
                .toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(huge)).hasMessageContaining("holder count");
        byte[] claimsMany = new WireWriter().u8(ReceiptCodec.VERSION).text("alice").text("0").i64(1)
                .count(ReceiptCodec.MAX_HOLDERS).text("bob").raw(bobSigns).toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(claimsMany)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aHolderWithAShortSignatureOrAnOverlongNameIsRefused() {
        byte[] shortSig = new WireWriter().u8(ReceiptCodec.VERSION).text("alice").i64(1).count(1).text("bob")
                .raw(new byte[63]).toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(shortSig)).isInstanceOf(MalformedInputException.class);
        byte[] longName = new WireWriter().u8(ReceiptCodec.VERSION).text("alice").i64(1).count(1)
                .text("b".repeat(PostWire.MAX_NAME_BYTES + 1)).raw(bobSigns).toBytes();
        assertThatThrownBy(() -> ReceiptCodec.decode(longName)).isInstanceOf(MalformedInputException.class);
    }
}
