package murmur.dht.node;

import murmur.dht.DhtObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;

/**
 * Answers {@link Message.DialBack}: probes the requester's own source address (never one it names), from fresh
 * sockets. A probe is a small packet to an address that just sent us one, so it amplifies nothing; still, each
 * source IP gets at most {@link #PER_SOURCE} dial-backs per {@link #WINDOW} (several peers behind one router share
 * an IP) and at most {@link #MAX_CONCURRENT} run at once.
 */
final class DialBackServer {
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);
    static final Duration WINDOW = Duration.ofSeconds(30);
    static final int PER_SOURCE = 8;
    static final int MAX_CONCURRENT = 8;
    private static final int MAX_SOURCES = 1024;

    private final Transport transport;
    private final Clock clock;
    private final DhtObserver observer;
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
    private final Map<InetAddress, Window> bySource = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Window> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    DialBackServer(Transport transport, Clock clock, DhtObserver observer) {
        this.transport = transport;
        this.clock = clock;
        this.observer = observer;
    }

    CompletableFuture<Message> handle(InetSocketAddress from, Message.DialBack request) {
        if (!admit(from.getAddress())) {
            observer.refused("dial_back_limited");
            return CompletableFuture.completedFuture(new Message.ErrorReply("dial-back: too many requests"));
        }
        InetAddress ip = from.getAddress();
        CompletableFuture<Boolean> udp = request.udpPort() == 0 ? CompletableFuture.completedFuture(false)
                : transport.probeUdp(new InetSocketAddress(ip, request.udpPort()), PROBE_TIMEOUT);
        CompletableFuture<Boolean> tcp = request.tcpPort() == 0 ? CompletableFuture.completedFuture(false)
                : transport.probeTcp(new InetSocketAddress(ip, request.tcpPort()), PROBE_TIMEOUT);
        return udp.thenCombine(tcp, (u, t) -> (Message) new Message.DialBackResult(u, t))
                .whenComplete((r, e) -> slots.release());
    }

    private boolean admit(InetAddress source) {
        Instant now = clock.instant();
        synchronized (bySource) {
            Window w = bySource.get(source);
            if (w == null || !now.isBefore(w.start().plus(WINDOW))) {
                w = new Window(now, 0);
            }
            if (w.count() >= PER_SOURCE || !slots.tryAcquire()) {
                return false;
            }
            bySource.put(source, new Window(w.start(), w.count() + 1));
            return true;
        }
    }

    /** Dial-backs for one source IP since {@code start}. */
    private record Window(Instant start, int count) {}
}
