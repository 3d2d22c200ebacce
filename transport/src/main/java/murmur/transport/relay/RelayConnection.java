package murmur.transport.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import murmur.transport.Ed25519;
import murmur.transport.Framing;
import murmur.transport.MalformedInputException;

/**
 * One connection to the relay. It starts with a challenge; the first message decides what the connection is: a
 * reservation (then pings, and {@link RelayMessage.Incoming} notices from the relay), a dialer waiting for its
 * circuit, or a relayed peer accepting one. Once a circuit is open, every frame is passed to the other end as it
 * is, paced by the relayed peer's rate and cut at its total. Anything out of place is refused and counted, and the
 * connection closed; the relay goes on serving everyone else.
 */
final class RelayConnection extends SimpleChannelInboundHandler<ByteBuf> {
    private enum State { NEW, RESERVED, DIALING, CIRCUIT, CLOSED }

    /** What the relay charges a frame at least, against the relayed peer's rate and total. */
    static final int MIN_FRAME_COST = 64;
    /** A connection must say what it is for this soon after the challenge. */
    static final Duration FIRST_MESSAGE = Duration.ofSeconds(10);

    private final RelayServer relay;
    private Channel channel;
    private InetAddress ip;
    private boolean admitted;
    private byte[] nonce;
    private State state = State.NEW;
    /** Set by the relay under its lock when this connection holds a reservation. */
    volatile RelayServer.Reservation reservation;
    private RelayConnection partner;
    private RelayServer.Circuit circuit;
    private boolean paced;

    RelayConnection(RelayServer relay) {
        super(false);
        this.relay = relay;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        ip = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress()
                : InetAddress.getLoopbackAddress();
        admitted = relay.admit(ip);
        if (!admitted) {
            refuse("connections", "too many connections from your address, or in all");
            return;
        }
        nonce = relay.nonce();
        send(new RelayMessage.Challenge(nonce));
        ctx.executor().schedule(() -> {
            if (state == State.NEW) {
                refuse("no_request", "nothing asked within " + FIRST_MESSAGE.toSeconds() + " s");
            }
        }, FIRST_MESSAGE.toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        if (state == State.CIRCUIT) {
            forward(frame);
            return;
        }
        RelayMessage m;
        try {
            m = RelayCodec.decode(ByteBufUtil.getBytes(frame));
        } catch (MalformedInputException e) {
            refuse("malformed", "malformed relay message: " + e.getMessage());
            return;
        } finally {
            frame.release();
        }
        handle(m);
    }

    private void handle(RelayMessage m) {
        if (state == State.NEW && m instanceof RelayMessage.Reserve r) {
            reserve(r);
        } else if (state == State.NEW && m instanceof RelayMessage.Connect c) {
            dial(c);
        } else if (state == State.NEW && m instanceof RelayMessage.Accept a) {
            if (!relay.accept(a.circuit(), this)) {
                refuse("unknown_circuit", "no such circuit waits here");
            }
        } else if (state == State.RESERVED && m instanceof RelayMessage.Ping) {
            send(new RelayMessage.Pong());
        } else if (!(state == State.RESERVED && m instanceof RelayMessage.Pong)) {
            refuse("out_of_order", "a " + m.getClass().getSimpleName() + " message is out of place here");
        }
    }

    private void reserve(RelayMessage.Reserve r) {
        if (!Ed25519.verify(r.key(), RelayCodec.reservationProof(nonce), r.signature())) {
            refuse("bad_signature", "the reservation is not signed by the key it names");
            return;
        }
        Optional<String> no = relay.reserve(r.key(), this);
        if (no.isPresent()) {
            refuse("full", no.get());
            return;
        }
        state = State.RESERVED;
        RelayLimits l = relay.limits();
        send(new RelayMessage.Reserved(Math.min(l.maxCircuitsPerPeer(), 0xffff), l.bytesPerSecondPerPeer(),
                l.maxBytesPerPeer()));
    }

    private void dial(RelayMessage.Connect c) {
        if (!relay.circuitAllowed(ip)) {
            refuse("circuit_rate", "too many circuit requests from your address; try again later");
            return;
        }
        state = State.DIALING;
        RelayServer.Refusal r = relay.orCircuit(c.target(), ip, this);
        if (r.reason() != null) {
            refuse(r.reason(), r.words());
        }
    }

    /** The relay's notice on this reservation: someone wants circuit {@code id}. Any thread. */
    void incoming(long id) {
        channel.eventLoop().execute(() -> send(new RelayMessage.Incoming(id)));
    }

    /** A newer reservation for the same key took this one's place. Any thread. */
    void replaced() {
        channel.eventLoop().execute(() -> refuse("replaced", "a newer reservation for this key took its place"));
    }

    /** Joins this end to {@code other}'s; on this connection's event loop. */
    void openCircuit(RelayConnection other, RelayServer.Circuit of) {
        partner = other;
        circuit = of;
        if (state == State.CLOSED) {
            relay.circuitClosed(of);
            other.channel.close();
            return;
        }
        state = State.CIRCUIT;
        Framing.limit(channel.pipeline(), relay.limits().maxFrameBytes());
        send(new RelayMessage.Connected());
    }

    private void forward(ByteBuf frame) {
        // Every frame costs at least MIN_FRAME_COST, so floods of empty or tiny frames are paced like bulk.
        int bytes = Math.max(MIN_FRAME_COST, frame.readableBytes() + Framing.LENGTH_BYTES);
        if (!relay.charge(circuit.reservation, bytes)) {
            frame.release();
            if (circuit.cut.compareAndSet(false, true)) {
                relay.counters().cut("bytes");
            }
            channel.close();
            partner.channel.close();
            return;
        }
        partner.channel.writeAndFlush(frame);
        long wait = relay.pace(circuit.reservation, bytes);
        if (wait > 0 && !paced) {
            paced = true;
            relay.counters().add("slowed", 1);
            Framing.holdReading(channel, Framing.Hold.RATE_LIMITED, true);
            channel.eventLoop().schedule(this::resumeWhenPaid, wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Reads again once the relayed peer's debt is paid; frames read meanwhile may have added to it. */
    private void resumeWhenPaid() {
        long wait = relay.pace(circuit.reservation, 0);
        if (wait > 0) {
            channel.eventLoop().schedule(this::resumeWhenPaid, wait, TimeUnit.NANOSECONDS);
            return;
        }
        paced = false;
        Framing.holdReading(channel, Framing.Hold.RATE_LIMITED, false);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        RelayConnection p = partner;
        if (p != null) {
            boolean backedUp = !ctx.channel().isWritable();
            p.channel.eventLoop().execute(() -> Framing.holdReading(p.channel, Framing.Hold.PARTNER_BACKED_UP,
                    backedUp));
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            relay.counters().add("idle_closed", 1);
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            refuse("oversized", "a frame above " + relay.limits().maxFrameBytes() + " B");
        } else {
            relay.counters().refused("error");
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        State was = state;
        state = State.CLOSED;
        if (admitted) {
            relay.left(ip);
        }
        RelayServer.Reservation r = reservation;
        if (r != null) {
            relay.reservationClosed(r);
        }
        if (was == State.CIRCUIT) {
            relay.circuitClosed(circuit);
            partner.channel.close();
        }
        super.channelInactive(ctx);
    }

    /** Says no in words, counts why, and closes. */
    void refuse(String reason, String words) {
        if (state == State.CLOSED) {
            return;
        }
        relay.counters().refused(reason);
        channel.writeAndFlush(Unpooled.wrappedBuffer(RelayCodec.encode(new RelayMessage.Refused(words))))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void send(RelayMessage m) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(RelayCodec.encode(m)));
    }
}
