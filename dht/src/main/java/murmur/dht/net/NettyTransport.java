package murmur.dht.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import murmur.config.DhtSettings;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.RpcTimeoutException;
import murmur.dht.rpc.Transport;
import murmur.dht.rpc.Unpredictable;
import murmur.dht.NodeId;
import murmur.dht.wire.Message;
import murmur.dht.wire.MessageCodec;
import murmur.dht.wire.Packet;
import murmur.transport.MalformedInputException;

/**
 * One node's sockets. Requests go by UDP unless they exceed {@code udpMaxPayload}; an answer too large for a
 * datagram is replaced by {@link Message.UseTcp}, and the request is repeated over TCP. Answers are matched to
 * requests by id and must come from the address the request went to.
 */
final class NettyTransport implements Transport {
    private static final int ANY_PORT_ATTEMPTS = 10;
    /** Until a node says how: no address is validated, so large answers go by TCP. */
    private static final AddressValidator NOT_VALIDATED = new AddressValidator() {
        @Override
        public boolean isValidated(InetSocketAddress address) {
            return false;
        }

        @Override
        public CompletableFuture<Boolean> validate(InetSocketAddress address, NodeId claimed) {
            return CompletableFuture.completedFuture(false);
        }
    };
    private final EventLoopGroup group;
    private final byte[] nodeKey;
    private final DhtSettings settings;
    private final MessageCodec codec;
    private final InboundDispatcher dispatcher;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final KnownRequesters knownRequesters = new KnownRequesters();
    private volatile Channel udp;
    private volatile Channel tcp;
    private volatile InetSocketAddress local;
    private volatile boolean clientOnly;
    private volatile AddressValidator validator = NOT_VALIDATED;

    private NettyTransport(EventLoopGroup group, byte[] nodeKey, InboundHandler handler, DhtSettings settings,
            MessageCodec codec) {
        this.group = group;
        this.nodeKey = nodeKey.clone();
        this.settings = settings;
        this.codec = codec;
        this.dispatcher = new InboundDispatcher(handler, new SourceLimits(settings.requestsPerIpPerSecond(),
                settings.writesPerIpPerSecond(), System::nanoTime));
    }

    static CompletableFuture<Transport> bind(EventLoopGroup group, InetSocketAddress requested, byte[] nodeKey,
            InboundHandler handler, DhtSettings settings, MessageCodec codec) {
        int attempts = requested.getPort() == 0 ? ANY_PORT_ATTEMPTS : 1;
        return bindAttempt(group, requested, nodeKey, handler, settings, codec, attempts);
    }

    /**
     * With port 0 the free UDP port the kernel picked may be taken for TCP (by an outgoing connection, say); any other
     * free port will do, so it tries again. A fixed port that is taken is the caller's to fix.
     */
    private static CompletableFuture<Transport> bindAttempt(EventLoopGroup group, InetSocketAddress requested,
            byte[] nodeKey, InboundHandler handler, DhtSettings settings, MessageCodec codec, int attempts) {
        return bindOnce(group, requested, nodeKey, handler, settings, codec).handle((t, failure) -> failure == null
                ? CompletableFuture.completedFuture(t)
                : attempts > 1 ? bindAttempt(group, requested, nodeKey, handler, settings, codec, attempts - 1)
                : CompletableFuture.<Transport>failedFuture(failure)).thenCompose(f -> f);
    }

    private static CompletableFuture<Transport> bindOnce(EventLoopGroup group, InetSocketAddress requested,
            byte[] nodeKey, InboundHandler handler, DhtSettings settings, MessageCodec codec) {
        NettyTransport t = new NettyTransport(group, nodeKey, handler, settings, codec);
        CompletableFuture<Transport> bound = new CompletableFuture<>();
        Bootstrap udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(Math.max(2048, settings.udpMaxPayload() + 64)))
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(t.new UdpInbound());
        udp.bind(requested).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                bound.completeExceptionally(f.cause());
                return;
            }
            t.udp = f.channel();
            InetSocketAddress udpAddress = (InetSocketAddress) f.channel().localAddress();
            t.bindTcp(new InetSocketAddress(requested.getAddress(), udpAddress.getPort()), bound);
        });
        return bound;
    }

    private void bindTcp(InetSocketAddress address, CompletableFuture<Transport> bound) {
        new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new TcpConnectionCaps(
                        new TcpPipeline(settings, () -> new TcpServerHandler(dispatcher, this, codec)), dispatcher))
                .bind(address).addListener((ChannelFuture f) -> {
                    if (!f.isSuccess()) {
                        udp.close();
                        bound.completeExceptionally(f.cause());
                        return;
                    }
                    tcp = f.channel();
                    local = address.getAddress().isAnyLocalAddress()
                            ? new InetSocketAddress("127.0.0.1", address.getPort()) : address;
                    bound.complete(this);
                });
    }

    /** Never throws: a request made while the event loops shut down fails like one nobody answered. */
    @Override
    public CompletableFuture<Packet> request(InetSocketAddress to, Message request) {
        return request(to, request, settings.requestTimeout());
    }

    @Override
    public CompletableFuture<Packet> request(InetSocketAddress to, Message request, Duration timeout) {
        try {
            return send(to, request, timeout);
        } catch (RejectedExecutionException shuttingDown) {
            return CompletableFuture.failedFuture(new RpcTimeoutException(to, "shutting down"));
        }
    }

    @Override
    public CompletableFuture<Boolean> probeUdp(InetSocketAddress target, Duration timeout) {
        try {
            return Probes.udp(group, target, encode(nextId(), new Message.Ping()), codec, timeout);
        } catch (RejectedExecutionException shuttingDown) {
            return CompletableFuture.completedFuture(false);
        }
    }

    @Override
    public CompletableFuture<Boolean> probeTcp(InetSocketAddress target, Duration timeout) {
        try {
            return Probes.tcp(group, target, timeout);
        } catch (RejectedExecutionException shuttingDown) {
            return CompletableFuture.completedFuture(false);
        }
    }

    private CompletableFuture<Packet> send(InetSocketAddress to, Message request, Duration timeout) {
        byte[] bytes = codec.encode(packet(nextId(), request, null), paddingFor(to, request));
        if (bytes.length > settings.udpMaxPayload()) {
            return TcpClient.request(group, to, bytes, codec, settings);
        }
        long id = readId(bytes);
        Pending p = new Pending(to, new CompletableFuture<>());
        pending.put(id, p);
        // On the socket's own event loop, where answers arrive: an answer cancels the timer there and then, so the
        // timer does not hold the answer (and every contact in it) until the timeout would have passed.
        ScheduledFuture<?> timer = udp.eventLoop().schedule(() -> {
            if (pending.remove(id) != null) {
                p.answer.completeExceptionally(new RpcTimeoutException(to, "no answer"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        p.answer.whenComplete((answer, failure) -> timer.cancel(false));
        udp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), to)).addListener(f -> {
            if (!f.isSuccess() && pending.remove(id) != null) {
                p.answer.completeExceptionally(new RpcTimeoutException(to, "send failed"));
            }
        });
        return p.answer.thenCompose(answer -> answer.body() instanceof Message.UseTcp
                ? TcpClient.request(group, to, encode(nextId(), request), codec, settings)
                : CompletableFuture.completedFuture(answer));
    }

    /**
     * Encodes an answer to a request from {@code requester}, telling it that address; one that does not fit a
     * datagram becomes {@link Message.UseTcp}.
     */
    byte[] encodeAnswer(long requestId, Message answer, InetSocketAddress requester, boolean viaUdp) {
        byte[] bytes = encode(requestId, answer, requester);
        return viaUdp && bytes.length > settings.udpMaxPayload()
                ? encode(requestId, new Message.UseTcp(), requester) : bytes;
    }

    /**
     * The datagram that answers {@code request} (of {@code requestBytes}) from {@code requester}: as {@link
     * #encodeAnswer}, and one larger than {@link #AMPLIFICATION} times the request only once the requester's address
     * is validated; else "use TCP".
     */
    private CompletableFuture<byte[]> udpAnswer(Packet request, int requestBytes, Message answer,
            InetSocketAddress requester) {
        byte[] bytes = encodeAnswer(request.requestId(), answer, requester, true);
        if (bytes.length <= AMPLIFICATION * requestBytes || validator.isValidated(requester)) {
            return CompletableFuture.completedFuture(bytes);
        }
        return validator.validate(requester, request.senderId()).thenApply(valid -> {
            if (valid) {
                return bytes;
            }
            dispatcher.unvalidated(requester);
            return encode(request.requestId(), new Message.UseTcp(), requester);
        });
    }

    @Override
    public void validatedBy(AddressValidator v) {
        this.validator = v;
    }

    private byte[] encode(long id, Message request) {
        return encode(id, request, null);
    }

    private byte[] encode(long id, Message body, InetSocketAddress observed) {
        return codec.encode(packet(id, body, observed));
    }

    private Packet packet(long id, Message body, InetSocketAddress observed) {
        int port = clientOnly && body.isRequest() ? 0 : local == null ? 1 : local.getPort();
        return new Packet(id, nodeKey, port, body, observed);
    }

    /**
     * The size to pad a datagram request to: a request whose answer may be large, to a node that has not heard
     * from this address lately, is made large enough that any answer that fits a datagram is within {@link
     * #AMPLIFICATION} times it, so the answer comes at once instead of after a check of this node's address.
     */
    private int paddingFor(InetSocketAddress to, Message request) {
        boolean mayBeLarge = request instanceof Message.FindNode || request instanceof Message.FindValue
                || request instanceof Message.FindSet;
        return mayBeLarge && !knownRequesters.knowsUs(to, System.nanoTime())
                ? settings.udpMaxPayload() / AMPLIFICATION : 0;
    }

    @Override
    public void clientOnly(boolean on) {
        clientOnly = on;
    }

    /**
     * A request id nobody can predict: an answer that carries it shows the address it came from receives what is
     * sent there, which is what lets large answers go to that address (see {@link #udpAnswer}).
     */
    private static long nextId() {
        return Unpredictable.nextLong();
    }

    /** The request id of an encoded packet. */
    static long readId(byte[] bytes) {
        long id = 0;
        for (int i = 3; i < 11; i++) {
            id = (id << 8) | (bytes[i] & 0xff);
        }
        return id;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel u = udp;
        Channel t = tcp;
        pending.values().forEach(p -> p.answer.completeExceptionally(new RpcTimeoutException(p.to, "closed")));
        pending.clear();
        if (u == null) {
            return CompletableFuture.completedFuture(null);
        }
        u.close().addListener(f -> {
            if (t == null) {
                closed.complete(null);
            } else {
                t.close().addListener(g -> closed.complete(null));
            }
        });
        return closed;
    }

    private record Pending(InetSocketAddress to, CompletableFuture<Packet> answer) {}

    /** Datagrams in: requests go to the dispatcher, answers to whoever waits for them. */
    private final class UdpInbound extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
            ByteBuf content = datagram.content();
            InetSocketAddress from = datagram.sender();
            int size = content.readableBytes();
            Packet packet;
            try {
                packet = codec.decode(ByteBufUtil.getBytes(content));
            } catch (MalformedInputException e) {
                dispatcher.rejected(from, "UDP", "malformed_udp", e);
                return;
            }
            if (packet.body().isRequest()) {
                dispatcher.handle(from, packet).thenCompose(answer -> udpAnswer(packet, size, answer, from))
                        .thenAccept(reply -> {
                            knownRequesters.answered(from, System.nanoTime());
                            ctx.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), from));
                        });
                return;
            }
            Pending p = pending.get(packet.requestId());
            if (p != null && p.to.equals(from) && pending.remove(packet.requestId(), p)) {
                p.answer.complete(packet);
            } else {
                dispatcher.unsolicited(from);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            dispatcher.rejected(null, "UDP", "malformed_udp", cause);
        }
    }
}
