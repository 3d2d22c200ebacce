package murmur.transport.secure;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import murmur.transport.MalformedInputException;
import murmur.transport.Signer;

/**
 * The secure channel on a framed connection: it sits right after {@link murmur.transport.Framing}, runs the
 * {@link Handshake} in the first two frames, then seals every outbound frame and opens every inbound one. Frames the
 * protocol writes before the handshake ends wait (at most {@link #MAX_WAITING}). A frame that fails to open, or a
 * failed handshake, closes the connection after an {@code exceptionCaught} with a {@link MalformedInputException}.
 * Once the handshake ends it fires {@link Established} and sets {@link #PEER_KEY} on the channel.
 */
public final class SecureChannel extends ChannelDuplexHandler {
    /** Bytes a sealed frame adds to the frame it carries. */
    public static final int OVERHEAD_BYTES = FrameCipher.TAG_BYTES;
    /** The peer's proven Ed25519 key, once the handshake has ended. */
    public static final AttributeKey<byte[]> PEER_KEY = AttributeKey.valueOf(SecureChannel.class, "peerKey");
    static final int MAX_WAITING = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Handshake handshake;
    private final boolean initiator;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private final CompletableFuture<byte[]> established = new CompletableFuture<>();
    private boolean helloSent;
    private FrameCipher sealer;
    private FrameCipher opener;

    private SecureChannel(Handshake handshake, boolean initiator) {
        this.handshake = handshake;
        this.initiator = initiator;
    }

    /** The dialling end, which must meet {@code expectedPeer}. */
    public static SecureChannel initiator(Signer self, byte[] expectedPeer) {
        return new SecureChannel(Handshake.initiator(self, expectedPeer, RANDOM), true);
    }

    /** The dialled end; anyone with a key may call. */
    public static SecureChannel responder(Signer self) {
        return new SecureChannel(Handshake.responder(self, RANDOM), false);
    }

    /** Completes with the peer's proven key once the handshake ends; fails if the connection closes before. */
    public CompletableFuture<byte[]> established() {
        return established;
    }

    /** Fired once the handshake ends; {@code peerKey} is the other end's proven key. */
    public record Established(byte[] peerKey) {}

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            sayHello(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        sayHello(ctx);
        super.channelActive(ctx);
    }

    private void sayHello(ChannelHandlerContext ctx) {
        if (initiator && !helloSent) {
            helloSent = true;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(handshake.initiatorHello()));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
        try {
            if (opener != null) {
                ctx.fireChannelRead(Unpooled.wrappedBuffer(opener.open(bytes)));
            } else {
                finishHandshake(ctx, bytes);
            }
        } catch (MalformedInputException e) {
            ctx.fireExceptionCaught(e);
            ctx.close();
        }
    }

    private void finishHandshake(ChannelHandlerContext ctx, byte[] hello) throws MalformedInputException {
        Handshake.Keys keys;
        if (initiator) {
            if (!helloSent) {
                throw new MalformedInputException("the dialled end spoke before the handshake began");
            }
            keys = handshake.finish(hello);
        } else {
            Handshake.Result r = handshake.respond(hello);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(r.hello()));
            keys = r.keys();
        }
        sealer = new FrameCipher(keys.send());
        opener = new FrameCipher(keys.receive());
        ctx.channel().attr(PEER_KEY).set(keys.peer().clone());
        for (Waiting w = waiting.poll(); w != null; w = waiting.poll()) {
            writeSealed(ctx, w.frame, w.promise);
        }
        ctx.flush();
        ctx.fireUserEventTriggered(new Established(keys.peer().clone()));
        established.complete(keys.peer().clone());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.write(msg, promise);
            return;
        }
        if (sealer != null) {
            writeSealed(ctx, frame, promise);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(new Waiting(frame, promise));
        } else {
            ReferenceCountUtil.release(frame);
            promise.setFailure(new IllegalStateException("too many frames waiting for the secure handshake"));
        }
    }

    private void writeSealed(ChannelHandlerContext ctx, ByteBuf frame, ChannelPromise promise) {
        byte[] plain;
        try {
            plain = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
        ctx.write(Unpooled.wrappedBuffer(sealer.seal(plain)), promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        established.completeExceptionally(new IllegalStateException("the connection closed before the secure "
                + "handshake ended"));
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (Waiting w = waiting.poll(); w != null; w = waiting.poll()) {
            ReferenceCountUtil.release(w.frame);
            w.promise.tryFailure(new IllegalStateException("the connection closed during the secure handshake"));
        }
    }

    private record Waiting(ByteBuf frame, ChannelPromise promise) {}
}
