package murmur.transport.secure;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import murmur.transport.MalformedInputException;
import murmur.transport.TestSigner;
import org.junit.jupiter.api.Test;

/** Two ends joined frame by frame in memory, with a man in the middle who may tamper with what passes. */
class SecureChannelTest {
    private final TestSigner alice = new TestSigner(1);
    private final TestSigner bob = new TestSigner(2);
    private final List<Object> aliceGot = new ArrayList<>();
    private final List<Object> bobGot = new ArrayList<>();

    @Test
    void framesWrittenBeforeTheHandshakeArriveAfterItInOrder() {
        EmbeddedChannel a = end(SecureChannel.initiator(alice, bob.publicKey()), aliceGot);
        EmbeddedChannel b = end(SecureChannel.responder(bob), bobGot);
        a.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
        a.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {2, 2}));

        pump(a, b);
        pump(b, a);
        pump(a, b);
        b.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {9}));
        pump(b, a);

        assertThat(frames(bobGot)).containsExactly(new byte[] {1}, new byte[] {2, 2});
        assertThat(frames(aliceGot)).containsExactly(new byte[] {9});
        assertThat(b.attr(SecureChannel.PEER_KEY).get()).isEqualTo(alice.publicKey());
        assertThat(aliceGot).anyMatch(SecureChannel.Established.class::isInstance);
    }

    @Test
    void aFrameAlteredInTransitClosesTheConnection() {
        EmbeddedChannel a = end(SecureChannel.initiator(alice, bob.publicKey()), aliceGot);
        EmbeddedChannel b = end(SecureChannel.responder(bob), bobGot);
        pump(a, b);
        pump(b, a);
        a.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        ByteBuf sealed = a.readOutbound();
        sealed.setByte(0, sealed.getByte(0) ^ 0x40);
        b.writeInbound(sealed);

        assertThat(frames(bobGot)).isEmpty();
        assertThat(bobGot).anyMatch(MalformedInputException.class::isInstance);
        assertThat(b.isOpen()).isFalse();
    }

    @Test
    void aRelayCannotPassItselfOffAsTheDialledPeer() {
        TestSigner relay = new TestSigner(7);
        EmbeddedChannel a = end(SecureChannel.initiator(alice, bob.publicKey()), aliceGot);
        EmbeddedChannel impostor = end(SecureChannel.responder(relay), bobGot);
        a.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {5}));
        pump(a, impostor);
        pump(impostor, a);

        assertThat(a.isOpen()).isFalse();
        assertThat(aliceGot).anyMatch(MalformedInputException.class::isInstance);
        assertThat(frames(bobGot)).as("nothing reached the impostor").isEmpty();
    }

    private static EmbeddedChannel end(SecureChannel secure, List<Object> got) {
        return new EmbeddedChannel(secure, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf b = (ByteBuf) msg;
                got.add(ByteBufUtil.getBytes(b));
                b.release();
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                got.add(evt);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                got.add(cause);
            }
        });
    }

    private static void pump(EmbeddedChannel from, EmbeddedChannel to) {
        for (Object m = from.readOutbound(); m != null; m = from.readOutbound()) {
            to.writeInbound(m);
        }
    }

    private static List<byte[]> frames(List<Object> got) {
        return got.stream().filter(byte[].class::isInstance).map(byte[].class::cast).toList();
    }
}
